import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  accountWithOperator,
  createApiToken,
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { attachmentRows, HTML, pdfOfSize, PNG, setUploadSettings, storedFiles } from './support/files';
import { partHeader, startRawUpload, waitFor } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('uploads into a chat (POST /v1/chats/:chatId/attachments)', () => {
  let t: TestApp;
  let owner: Session;
  let operator: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, operator, widgetKey } = await accountWithOperator(t));
  });
  afterAll(() => t.close());

  const upload = (chatId: string, auth: Record<string, string>) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments`).set(auth);
  /** Objects and rows before `work`, which must leave both unchanged. */
  async function leavesNothing(work: () => Promise<unknown>) {
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    await work();
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
  }

  it('stores a visitor upload with its detected type, sha256 and a signed url', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const res = await upload(v.chatId, v.auth).attach('files', PNG, 'dot.png').expect(201);
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        chatId: v.chatId,
        messageId: null,
        name: 'dot.png',
        size: PNG.length,
        contentType: 'image/png',
        sha256: sha256(PNG),
        url: expect.stringMatching(new RegExp(`/v1/attachments/${res.body[0].id}/content\\?sig=`)),
        createdAt: expect.any(String),
        uploadedBy: { role: 'visitor', id: null, name: 'Vera Visitor' },
        preview: { status: 'pending', width: null, height: null, placeholder: null },
        trust: { encrypted: true, scan: 'off' },
      },
    ]);
  });

  it('stores several files of one request for an operator and an API token', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const pdf = pdfOfSize(20_000);
    const res = await upload(v.chatId, operator.auth)
      .attach('files', PNG, 'a.png')
      .attach('files', pdf, 'b.pdf')
      .expect(201);
    expect(
      res.body.map((a: { name: string; contentType: string; size: number }) => [
        a.name,
        a.contentType,
        a.size,
      ]),
    ).toEqual([
      ['a.png', 'image/png', PNG.length],
      ['b.pdf', 'application/pdf', pdf.length],
    ]);
    expect(res.body[0].uploadedBy).toEqual({ role: 'operator', id: operator.userId, name: 'Olga Operator' });
    const api = await createApiToken(t, owner);
    const viaApi = await upload(v.chatId, api).attach('files', PNG, 'c.png').expect(201);
    expect(viaApi.body[0].uploadedBy.role).toBe('api');
  });

  it('sanitizes display names and never uses them as storage paths', async () => {
    const v = await startVisitorChat(t, widgetKey);
    const res = await upload(v.chatId, v.auth)
      .attach('files', PNG, '../../etc/evil\u202Egnp.png')
      .expect(201);
    expect(res.body[0].name).toBe('evilgnp.png');
    expect(storedFiles(t).some((f) => f.includes('evil') || f.includes('..'))).toBe(false);
  });

  describe('visitor and operator rules', () => {
    afterEach(() =>
      setUploadSettings(t, owner.auth, {
        visitor: {
          enabled: true,
          allowedTypes: 'jpg|jpeg|png|gif|heic|heif|pdf|doc|docx|xls|xlsx',
          maxSizeKb: 5120,
        },
        operator: {
          enabled: true,
          allowedTypes: 'jpg|jpeg|png|gif|heic|heif|pdf|doc|docx|xls|xlsx',
          maxSizeKb: 5120,
        },
      }),
    );

    it('refuses a disabled role with 403 and lets the other role upload', async () => {
      await setUploadSettings(t, owner.auth, { visitor: { enabled: false } });
      const v = await startVisitorChat(t, widgetKey);
      await leavesNothing(async () => {
        const res = await upload(v.chatId, v.auth).attach('files', PNG, 'dot.png').expect(403);
        expect(res.body).toEqual({
          error: 'File uploads are disabled for visitors',
          code: 'UPLOADS_DISABLED',
          decidedBy: { level: 'account' },
          explanation: "File uploads are disabled for visitors (set by this account's visitor rule)",
        });
      });
      await upload(v.chatId, operator.auth).attach('files', PNG, 'dot.png').expect(201);
      const rules = await request(t.url).get('/v1/uploads/rules').set(v.auth).expect(200);
      expect(rules.body).toMatchObject({ role: 'visitor', enabled: false });
    });

    it('refuses a type outside the role list with 415 naming the file', async () => {
      await setUploadSettings(t, owner.auth, {
        visitor: { allowedTypes: 'pdf' },
        operator: { allowedTypes: 'png|pdf' },
      });
      const v = await startVisitorChat(t, widgetKey);
      await leavesNothing(async () => {
        const res = await upload(v.chatId, v.auth).attach('files', PNG, 'photo.png').expect(415);
        expect(res.body.error).toBe('photo.png: file type .png is not allowed (allowed: pdf)');
      });
      await upload(v.chatId, operator.auth).attach('files', PNG, 'photo.png').expect(201);
    });

    it('accepts a file of exactly the limit and refuses one byte more with 413 naming file and limit', async () => {
      await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 10 }, operator: { maxSizeKb: 20 } });
      const v = await startVisitorChat(t, widgetKey);
      const exact = await upload(v.chatId, v.auth)
        .attach('files', pdfOfSize(10 * 1024), 'exact.pdf')
        .expect(201);
      expect(exact.body[0].size).toBe(10240);
      await leavesNothing(async () => {
        const res = await upload(v.chatId, v.auth)
          .attach('files', pdfOfSize(10 * 1024 + 1), 'over.pdf')
          .expect(413);
        expect(res.body).toEqual({
          error: 'over.pdf: file is larger than the limit of 10 KB',
          file: 'over.pdf',
          limitKb: 10,
          code: 'FILE_TOO_LARGE',
          decidedBy: { level: 'account' },
          explanation:
            "over.pdf: file is larger than the limit of 10 KB (set by this account's visitor rule)",
        });
      });
      await upload(v.chatId, operator.auth)
        .attach('files', pdfOfSize(10 * 1024 + 1), 'over.pdf')
        .expect(201);
      await leavesNothing(() =>
        upload(v.chatId, operator.auth)
          .attach('files', pdfOfSize(20 * 1024 + 1), 'big.pdf')
          .expect(413),
      );
    });

    it('refuses a file whose first chunk already exceeds a small limit, and keeps serving', async () => {
      await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 1 } });
      const v = await startVisitorChat(t, widgetKey);
      await leavesNothing(async () => {
        const res = await upload(v.chatId, v.auth)
          .attach('files', pdfOfSize(200_000), 'huge.pdf')
          .expect(413);
        expect(res.body.error).toBe('huge.pdf: file is larger than the limit of 1 KB');
      });
      await upload(v.chatId, v.auth).attach('files', PNG, 'tiny.png').expect(201);
    });

    it('refuses a whole small body over the limit (the file ends inside the first read), and keeps serving', async () => {
      await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 8 } });
      const v = await startVisitorChat(t, widgetKey);
      for (let i = 0; i < 5; i++) {
        const res = await upload(v.chatId, v.auth)
          .attach('files', pdfOfSize(30_000), 'medium.pdf')
          .expect(413);
        expect(res.body.error).toBe('medium.pdf: file is larger than the limit of 8 KB');
      }
      await request(t.url).get('/health').expect(200);
      await upload(v.chatId, v.auth).attach('files', PNG, 'tiny.png').expect(201);
    });

    it('caps every rule by the platform ceiling', async () => {
      const ceiling = t.config.uploads.maxSizeKb;
      const res = await request(t.url)
        .put('/v1/settings/uploads')
        .set(owner.auth)
        .send({ visitor: { maxSizeKb: ceiling + 1 } })
        .expect(400);
      expect(res.body).toEqual({
        error: `visitor.maxSizeKb must be at most ${ceiling} (the platform limit)`,
        field: 'visitor.maxSizeKb',
        code: 'VALIDATION_FAILED',
      });
    });
  });

  it('refuses content whose magic bytes contradict the extension, saying what it really is', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      const html = await upload(v.chatId, v.auth).attach('files', HTML, 'invoice.pdf').expect(415);
      expect(html.body).toEqual({
        error: 'invoice.pdf: the content is text/html, not a .pdf file',
        file: 'invoice.pdf',
        detectedType: 'text/html',
        code: 'CONTENT_MISMATCH',
      });
      const png = await upload(v.chatId, v.auth).attach('files', PNG, 'invoice.pdf').expect(415);
      expect(png.body).toMatchObject({
        error: 'invoice.pdf: the content is image/png, not a .pdf file',
        detectedType: 'image/png',
      });
      // The client's Content-Type is ignored.
      await upload(v.chatId, v.auth)
        .attach('files', HTML, { filename: 'x.pdf', contentType: 'application/pdf' })
        .expect(415);
    });
  });

  it('is all or nothing: a bad second file discards the first', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await leavesNothing(() =>
      upload(v.chatId, v.auth)
        .attach('files', pdfOfSize(300_000), 'ok.pdf')
        .attach('files', HTML, 'bad.png')
        .expect(415),
    );
  });

  it('limits the number of files per request and refuses other file fields', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      let req = upload(v.chatId, v.auth);
      for (let i = 0; i <= t.config.uploads.maxFilesPerRequest; i++)
        req = req.attach('files', PNG, `f${i}.png`);
      const res = await req.expect(413);
      expect(res.body.error).toBe(
        `Too many files: at most ${t.config.uploads.maxFilesPerRequest} per request`,
      );
      const other = await upload(v.chatId, v.auth).attach('file', PNG, 'a.png').expect(400);
      expect(other.body).toEqual({
        error: 'Unexpected file field "file": send files as "files"',
        field: 'files',
        code: 'VALIDATION_FAILED',
      });
      const none = await upload(v.chatId, v.auth).field('x', 'y').expect(400);
      expect(none.body).toEqual({ error: 'files is required', field: 'files', code: 'VALIDATION_FAILED' });
      await upload(v.chatId, v.auth).send({ files: [] }).expect(400);
    });
  });

  it('leaves nothing behind when the client aborts mid-upload', async () => {
    const v = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      const socket = await startRawUpload(
        t.url,
        `/v1/chats/${v.chatId}/attachments`,
        v.auth.Authorization,
        4 * 1024 * 1024,
      );
      socket.write(partHeader('files', 'big.pdf', 'application/pdf'));
      socket.write(pdfOfSize(1024 * 1024));
      // Streaming has begun: the object is being written to storage.
      await waitFor(() => storedFiles(t).some((f) => f.startsWith('.tmp/')));
      socket.destroy();
      await waitFor(async () => {
        const rows = await t.app
          .get(DataSource)
          .query(`SELECT reason FROM audit_events WHERE chat_id = $1 AND outcome = 'failure'`, [v.chatId]);
        return rows.some((r: { reason: string }) => r.reason === 'The client aborted the upload');
      });
      await waitFor(() => !storedFiles(t).some((f) => f.startsWith('.tmp/')));
    });
  });

  it('answers 404 for another chat or another account, 403 for a closed chat', async () => {
    const v1 = await startVisitorChat(t, widgetKey);
    const v2 = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      await upload(v2.chatId, v1.auth).attach('files', PNG, 'a.png').expect(404);
      const tenant = await createTenant(t, owner);
      await upload(v1.chatId, tenant.admin.auth).attach('files', PNG, 'a.png').expect(404);
      await request(t.url).post(`/v1/chats/${v1.chatId}/close`).set(operator.auth).expect(200);
      const closed = await upload(v1.chatId, v1.auth).attach('files', PNG, 'a.png').expect(403);
      expect(closed.body).toEqual({ error: 'This chat is closed', code: 'CHAT_CLOSED' });
    });
    await upload(v2.chatId, v2.auth).attach('files', PNG, 'a.png').expect(201);
  });
  describe('Idempotency-Key', () => {
    const send = (chatId: string, auth: Record<string, string>, key: string) =>
      request(t.url)
        .post(`/v1/chats/${chatId}/attachments`)
        .set(auth)
        .set('Idempotency-Key', key)
        .attach('files', PNG, 'retried.png');

    it('a retried upload returns the file stored the first time, not a second copy', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const [rows, files] = [await attachmentRows(t), storedFiles(t).length];
      const first = await send(v.chatId, v.auth, 'outbox-1234-file-1').expect(201);
      const again = await send(v.chatId, v.auth, 'outbox-1234-file-1').expect(201);
      expect(again.body.map((a: { id: string }) => a.id)).toEqual([first.body[0].id]);
      expect(await attachmentRows(t)).toBe(rows + 1);
      expect(storedFiles(t).length).toBe(files + 1);
    });

    it('two concurrent requests with one key store one file and both get it', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const [rows, files] = [await attachmentRows(t), storedFiles(t).length];
      const [a, b] = await Promise.all([
        send(v.chatId, v.auth, 'race-key-0001'),
        send(v.chatId, v.auth, 'race-key-0001'),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body[0].id).toBe(b.body[0].id);
      expect(await attachmentRows(t)).toBe(rows + 1);
      expect(storedFiles(t).length).toBe(files + 1);
    });

    it('refuses a malformed key, naming the header', async () => {
      const v = await startVisitorChat(t, widgetKey);
      const res = await send(v.chatId, v.auth, 'bad key!').expect(400);
      expect(res.body.field).toBe('Idempotency-Key');
    });
  });
});

describe('upload settings (GET|PUT /v1/settings/uploads, GET /v1/uploads/rules)', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_SIZE_KB: '4096' });
    owner = await loginOwner(t);
  });
  afterAll(() => t.close());

  it('starts from seed 001 types and 5 MB, capped by the platform ceiling for the effective rule', async () => {
    const res = await request(t.url).get('/v1/settings/uploads').set(owner.auth).expect(200);
    expect(res.body).toEqual({
      visitor: {
        enabled: true,
        allowedTypes: 'jpg|jpeg|png|gif|heic|heif|pdf|doc|docx|xls|xlsx',
        maxSizeKb: 5120,
      },
      operator: {
        enabled: true,
        allowedTypes: 'jpg|jpeg|png|gif|heic|heif|pdf|doc|docx|xls|xlsx',
        maxSizeKb: 5120,
      },
      accessTokenRequired: true,
      loggingEnabled: true,
      generateThumbnails: true,
      previewKinds: { images: true, heic: true, pdf: true, video: true },
      photoCompression: {
        visitor: { enabled: false, maxDimensionPx: 2560, quality: 80 },
        operator: { enabled: false, maxDimensionPx: 2560, quality: 80 },
      },
      platformMaxSizeKb: 4096,
    });
    const rules = await request(t.url).get('/v1/uploads/rules').set(owner.auth).expect(200);
    expect(rules.body).toMatchObject({
      role: 'operator',
      maxSizeKb: 4096,
      maxSizeBytes: 4096 * 1024,
      extensions: expect.arrayContaining(['pdf', 'xlsx']),
    });
  });

  it('normalizes seed 002 type lists and names a bad token', async () => {
    const ok = await setUploadSettings(t, owner.auth, {
      operator: { allowedTypes: ' .PDF | Xlsx ' },
      visitor: { maxSizeKb: 100 },
    });
    expect(ok.body.operator.allowedTypes).toBe('pdf|xlsx');
    expect(ok.body.visitor.maxSizeKb).toBe(100);
    const bad = await request(t.url)
      .put('/v1/settings/uploads')
      .set(owner.auth)
      .send({ visitor: { allowedTypes: 'pdf|exe' } })
      .expect(400);
    expect(bad.body).toEqual({
      error: 'Unknown file type "exe" in allowedTypes',
      field: 'visitor.allowedTypes',
      token: 'exe',
      code: 'VALIDATION_FAILED',
    });
    await request(t.url)
      .put('/v1/settings/uploads')
      .set(owner.auth)
      .send({ visitor: { maxSizeKb: 0 } })
      .expect(400);
  });

  it('keeps photo compression per role and hands each uploader the setting of their role', async () => {
    const saved = await setUploadSettings(t, owner.auth, {
      photoCompression: { visitor: { enabled: true, maxDimensionPx: 1600, quality: 70 } },
    });
    expect(saved.body.photoCompression).toEqual({
      visitor: { enabled: true, maxDimensionPx: 1600, quality: 70 },
      operator: { enabled: false, maxDimensionPx: 2560, quality: 80 },
    });
    await setUploadSettings(t, owner.auth, { photoCompression: { visitor: { quality: 60 } } });
    const v = await startVisitorChat(t, await widgetKeyOf(t, owner));
    const visitorRule = await request(t.url).get('/v1/uploads/rules').set(v.auth).expect(200);
    expect(visitorRule.body.photoCompression).toEqual({ enabled: true, maxDimensionPx: 1600, quality: 60 });
    const operatorRule = await request(t.url).get('/v1/uploads/rules').set(owner.auth).expect(200);
    expect(operatorRule.body.photoCompression).toMatchObject({ enabled: false });
    for (const bad of [{ quality: 0 }, { quality: 101 }, { maxDimensionPx: 10 }, { enabled: 'yes' }]) {
      await request(t.url)
        .put('/v1/settings/uploads')
        .set(owner.auth)
        .send({ photoCompression: { operator: bad } })
        .expect(400);
    }
  });

  it('is for admins; operators and visitors read only their own rule', async () => {
    const op = await createOperator(t, owner);
    await request(t.url).get('/v1/settings/uploads').set(op.auth).expect(403);
    await request(t.url).put('/v1/settings/uploads').set(op.auth).send({ loggingEnabled: false }).expect(403);
    const v = await startVisitorChat(t, await widgetKeyOf(t, owner));
    await request(t.url).get('/v1/settings/uploads').set(v.auth).expect(404);
    const rule = await request(t.url).get('/v1/uploads/rules').set(v.auth).expect(200);
    expect(rule.body).toMatchObject({ role: 'visitor', maxSizeKb: 100 });
  });
});
