import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  createApiToken,
  accountWithOperator,
  createTenant,
  startVisitorChat,
  type Session,
} from './support/fixtures';
import { pdfOfSize, rawBody, setUploadSettings, storedFiles } from './support/files';
import { solid } from './support/images';
import { keysOf, previewReady, sendFiles } from './support/retention';
import { startTestApp, type TestApp } from './support/test-app';
import { unzip } from '@satchel/testing';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe("a visitor's data: export and erasure", () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, widgetKey } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png|pdf' } });
  });
  afterAll(() => t.close());

  it('exports a zip with a JSON manifest and the files with identical bytes, then erases everything of theirs', async () => {
    const vera = await startVisitorChat(t, widgetKey, 'Vera Uniquename');
    const other = await startVisitorChat(t, widgetKey, 'Otto Other');
    const photo = await solid(400, 300).png().toBuffer();
    const pdf = pdfOfSize(5000);
    const files = await sendFiles(t, vera.chatId, vera.auth, [
      { name: 'passport.png', body: photo },
      { name: 'contract.pdf', body: pdf },
    ]);
    await request(t.url)
      .post(`/v1/chats/${vera.chatId}/messages`)
      .set(vera.auth)
      .send({ text: 'my secret address is 1 Unique Street' })
      .expect(201);
    const [otherFile] = await sendFiles(t, other.chatId, other.auth, [
      { name: 'other.pdf', body: pdfOfSize(3000) },
    ]);
    await previewReady(t, files[0].id, owner.auth);

    const res = await request(t.url)
      .get(`/v1/visitors/${vera.chatId}/export`)
      .set(owner.auth)
      .buffer(true)
      .parse(rawBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = await unzip(res.body as Buffer);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.visitor).toEqual({ chatId: vera.chatId, name: 'Vera Uniquename' });
    expect(manifest.messages.map((m: { text: string }) => m.text)).toEqual([
      'files',
      'my secret address is 1 Unique Street',
    ]);
    expect(manifest.files).toHaveLength(2);
    const byName = Object.fromEntries(manifest.files.map((f: { name: string }) => [f.name, f]));
    expect(entries.get(byName['passport.png'].path)).toEqual(photo);
    expect(entries.get(byName['contract.pdf'].path)).toEqual(pdf);
    expect(byName['contract.pdf'].sha256).toBe(sha(pdf));
    expect([...entries.keys()].some((k) => k.includes('other.pdf'))).toBe(false);

    const keys = [
      ...(await keysOf(t, files[0].id)).renditions,
      ...(await Promise.all(files.map(async (f) => (await keysOf(t, f.id)).file))),
    ];
    expect(keys).toHaveLength(4);
    const otherKey = (await keysOf(t, otherFile.id)).file;

    const erased = await request(t.url).delete(`/v1/visitors/${vera.chatId}`).set(owner.auth).expect(200);
    expect(erased.body).toMatchObject({ chats: 1, messages: 2, files: 2, bytes: photo.length + pdf.length });

    const left = storedFiles(t);
    for (const k of keys) expect(left).not.toContain(k);
    expect(left).toContain(otherKey);

    const db = t.app.get(DataSource);
    const ids = files.map((f) => f.id);
    const count = async (sql: string, params: unknown[]) => (await db.query(sql, params))[0].n as number;
    expect(await count(`SELECT count(*)::int AS n FROM chats WHERE id = $1`, [vera.chatId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM messages WHERE chat_id = $1`, [vera.chatId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM attachments WHERE id = ANY($1)`, [ids])).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM attachment_previews WHERE attachment_id = ANY($1)`, [ids]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM auth_tokens WHERE chat_id = $1`, [vera.chatId])).toBe(
      0,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM deliveries WHERE chat_id = $1 OR attachment_id = ANY($2)`, [
        vera.chatId,
        ids,
      ]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE chat_id = $1 OR attachment_id = ANY($2)`,
        [vera.chatId, ids],
      ),
    ).toBe(0);
    // Nothing personal anywhere: the name, the text and the file names are gone from every table.
    for (const needle of ['Vera Uniquename', 'Unique Street', 'passport.png', 'contract.pdf']) {
      const hits = await db.query(
        `SELECT t.table_name FROM information_schema.tables t
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I WHERE %I::text ILIKE %L',
                   t.table_name, t.table_name, '%' || $1 || '%'), false, true, '')))[1]::text::int > 0`,
        [needle],
      );
      expect({ needle, tables: hits.map((h: { table_name: string }) => h.table_name) }).toEqual({
        needle,
        tables: [],
      });
    }
    // The erasure itself is audited.
    const [audit] = await db.query(`SELECT details FROM audit_events WHERE action = 'visitor.erase'`);
    expect(audit.details).toMatchObject({ chatId: vera.chatId, files: 2 });
    // The other visitor is untouched.
    await request(t.url).get(`/v1/attachments/${otherFile.id}/content`).set(other.auth).expect(200);
  });

  it('is for admins and API clients of the account only', async () => {
    const v = await startVisitorChat(t, widgetKey);
    // A visitor token is refused like on every staff route (the guard answers 404 to visitors).
    const refused = await request(t.url).get(`/v1/visitors/${v.chatId}/export`).set(v.auth);
    expect([403, 404]).toContain(refused.status);
    const { admin } = await createTenant(t, owner);
    await request(t.url).delete(`/v1/visitors/${v.chatId}`).set(admin.auth).expect(404);
    const api = await createApiToken(t, owner);
    await request(t.url)
      .get(`/v1/visitors/${v.chatId}/export`)
      .set(api)
      .buffer(true)
      .parse(rawBody)
      .expect(200);
    await request(t.url).delete(`/v1/visitors/${v.chatId}`).set(api).expect(200);
    await request(t.url).delete(`/v1/visitors/${v.chatId}`).set(api).expect(404);
  });
});
