import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  createApiToken,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { attachmentRows, HTML, pathOf, pdfOfSize, PNG, storedFiles } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

describe('seed 001: POST /v1/chat/upload/', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
  });
  afterAll(() => t.close());

  const seedUpload = (auth?: string) => {
    const req = request(t.url).post('/v1/chat/upload/');
    return auth ? req.set('Authorization', auth) : req;
  };
  const newFiles = (before: string[]) => storedFiles(t).filter((f) => !before.includes(f));
  /** Temp files of uploads whose session_id came after the file. */
  const spooled = () => {
    const dir = join(t.dataDir, 'tmp', 'uploads');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('answers {url, type} with the detected type and stores under chat/session-{session_id}/', async () => {
    const before = storedFiles(t);
    const res = await seedUpload(`Token ${owner.token}`)
      .field('session_id', '1')
      .attach('file', PNG, 'image.jpg.png')
      .expect(200);
    expect(Object.keys(res.body)).toEqual(['url', 'type']);
    expect(res.body.type).toBe('image/png');
    expect(newFiles(before)).toEqual([expect.stringMatching(/^chat\/session-1\/[0-9a-f-]{36}\.png$/)]);
    const content = await request(t.url).get(pathOf(res.body.url)).expect(200);
    expect(Buffer.compare(content.body, PNG)).toBe(0);
  });

  it('honours session_id sent after the file (as the seed curl example does)', async () => {
    const before = storedFiles(t);
    await seedUpload(`Token ${owner.token}`)
      .attach('file', pdfOfSize(50_000), 'report.pdf')
      .field('session_id', 'abc-9')
      .expect(200);
    expect(newFiles(before)).toEqual([expect.stringMatching(/^chat\/session-abc-9\/[0-9a-f-]{36}\.pdf$/)]);
    expect(spooled()).toEqual([]);
  });

  it('without session_id: store-{account} for API tokens, admin-{user} for the owner, general otherwise', async () => {
    const api = await createApiToken(t, owner);
    let before = storedFiles(t);
    await seedUpload(api.Authorization).attach('file', PNG, 'a.png').expect(200);
    expect(newFiles(before)).toEqual([expect.stringMatching(new RegExp(`^chat/store-${owner.accountId}/`))]);
    before = storedFiles(t);
    await seedUpload(`Token ${owner.token}`).attach('file', PNG, 'a.png').expect(200);
    expect(newFiles(before)).toEqual([expect.stringMatching(new RegExp(`^chat/admin-${owner.userId}/`))]);
    const tenant = await createTenant(t, owner);
    before = storedFiles(t);
    await seedUpload(tenant.admin.auth.Authorization).attach('file', PNG, 'a.png').expect(200);
    expect(newFiles(before)).toEqual([expect.stringMatching(/^chat\/general\//)]);
  });

  it('answers the three seed errors byte for byte and leaves nothing behind', async () => {
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    const token = `Token ${owner.token}`;
    expect((await seedUpload(token).field('session_id', '1').expect(400)).text).toBe(
      '{"error":"file is required"}',
    );
    expect((await seedUpload(token).send({ session_id: '1' }).expect(400)).text).toBe(
      '{"error":"file is required"}',
    );
    expect(
      (await seedUpload(token).attach('file', Buffer.from('MZ\x90\x00'), 'setup.exe').expect(400)).text,
    ).toBe('{"error":"Unsupported file type"}');
    expect((await seedUpload(token).attach('file', HTML, 'invoice.pdf').expect(400)).text).toBe(
      '{"error":"Unsupported file type"}',
    );
    expect(
      (await seedUpload(token).attach('file', PNG, 'invoice.pdf').field('session_id', '2').expect(400)).text,
    ).toBe('{"error":"Unsupported file type"}');
    expect((await seedUpload().attach('file', PNG, 'a.png').expect(401)).text).toBe(
      '{"error":"Unauthorized"}',
    );
    expect((await seedUpload('Token sk_not_a_token').attach('file', PNG, 'a.png').expect(401)).text).toBe(
      '{"error":"Unauthorized"}',
    );
    const visitor = await startVisitorChat(t, await widgetKeyOf(t, owner));
    expect((await seedUpload(visitor.auth.Authorization).attach('file', PNG, 'a.png').expect(401)).text).toBe(
      '{"error":"Unauthorized"}',
    );
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
  });

  it('refuses a session_id that is not a safe folder name', async () => {
    const files = storedFiles(t);
    const res = await seedUpload(`Token ${owner.token}`)
      .attach('file', PNG, 'a.png')
      .field('session_id', '../x')
      .expect(400);
    expect(res.body).toEqual({
      error: 'session_id must be 1-64 letters, digits, "-" or "_"',
      field: 'session_id',
    });
    expect(storedFiles(t)).toEqual(files);
    expect(spooled()).toEqual([]);
  });
});
