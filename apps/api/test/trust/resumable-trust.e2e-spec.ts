import request from 'supertest';
import { EICAR_SIGNATURE, eicar, startClamd, type TestClamd } from '../support/clamd';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from '../support/fixtures';
import { rawBody, setUploadSettings } from '../support/files';
import { filesUnder, markedText } from '../support/stored-bytes';
import { startTestApp, type TestApp } from '../support/test-app';

type Chat = { chatId: string; auth: Record<string, string> };
const TUS = { 'Tus-Resumable': '1.0.0' };
const MARKER = 'RESUMABLE-MARKER-4b1f';

const metadata = (meta: Record<string, string>) =>
  Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** One tus upload in two PATCHes, as a client resuming after a cut would send it. */
async function tusUpload(t: TestApp, chat: Chat, filename: string, body: Buffer) {
  const created = await request(t.url)
    .post('/v1/uploads')
    .set(chat.auth)
    .set(TUS)
    .set('Upload-Length', String(body.length))
    .set('Upload-Metadata', metadata({ chatId: chat.chatId, filename, messageText: `here is ${filename}` }))
    .expect(201);
  const location = new URL(created.headers['location'], t.url).pathname;
  const half = Math.floor(body.length / 2);
  const patch = (offset: number, part: Buffer) =>
    request(t.url)
      .patch(location)
      .set(chat.auth)
      .set(TUS)
      .set('Content-Type', 'application/offset+octet-stream')
      .set('Upload-Offset', String(offset))
      .send(part);
  await patch(0, body.subarray(0, half)).expect(204);
  const done = await patch(half, body.subarray(half)).expect(200);
  return JSON.parse(done.text) as {
    id: string;
    trust?: { encrypted: boolean; scan: string; signature?: string };
  };
}

/** Resumable uploads get the same malware scan and encryption at rest as multipart ones. */
describe('resumable (tus) uploads are scanned and encrypted like every upload', () => {
  let clamd: TestClamd;
  let t: TestApp;
  let owner: Session;
  let chat: Chat;

  beforeAll(async () => {
    clamd = await startClamd();
    t = await startTestApp({ CLAMAV_URL: clamd.url });
    owner = await loginOwner(t);
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'txt' }, generateThumbnails: false });
    chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  it('quarantines an infected file: never served, never part of the message', async () => {
    const bad = await tusUpload(t, chat, 'eicar.txt', eicar());
    expect(bad.trust).toEqual({ encrypted: true, scan: 'infected', signature: EICAR_SIGNATURE });
    const refused = await request(t.url)
      .get(`/v1/attachments/${bad.id}/content`)
      .set(owner.auth)
      .buffer(true)
      .parse(rawBody)
      .expect(403);
    expect(JSON.parse((refused.body as Buffer).toString())).toMatchObject({ code: 'FILE_QUARANTINED' });
    const messages = await request(t.url)
      .get(`/v1/chats/${chat.chatId}/messages`)
      .set(owner.auth)
      .expect(200);
    const shared = (messages.body as { attachments: { id: string }[] }[]).flatMap((m) => m.attachments);
    expect(shared.map((a) => a.id)).not.toContain(bad.id);
  });

  it('stores a clean file encrypted (no plaintext on disk) and serves the identical bytes', async () => {
    const body = markedText(MARKER, 600_000);
    const good = await tusUpload(t, chat, 'notes.txt', body);
    expect(good.trust).toMatchObject({ encrypted: true, scan: 'clean' });
    for (const f of filesUnder(t.config.storage.path)) expect(f.bytes.includes(MARKER)).toBe(false);
    const res = await request(t.url)
      .get(`/v1/attachments/${good.id}/content`)
      .set(owner.auth)
      .buffer(true)
      .parse(rawBody)
      .expect(200);
    expect(Buffer.compare(res.body as Buffer, body)).toBe(0);
  });
});
