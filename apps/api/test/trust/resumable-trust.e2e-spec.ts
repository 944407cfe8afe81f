import request from 'supertest';
import { EICAR_SIGNATURE, eicar, startClamd, type TestClamd } from '@satchel/testing';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from '../support/fixtures';
import { rawBody, setUploadSettings } from '../support/files';
import { filesUnder, markedText } from '../support/stored-bytes';
import { startTestApp, type TestApp } from '../support/test-app';
import { tusUpload, verdictOf, type TusChat } from '../support/tus';

const MARKER = 'RESUMABLE-MARKER-4b1f';

/** Resumable uploads get the same malware scan and encryption at rest as multipart ones. */
describe('resumable (tus) uploads are scanned and encrypted like every upload', () => {
  let clamd: TestClamd;
  let t: TestApp;
  let owner: Session;
  let chat: TusChat;

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
    expect(bad.trust).toEqual({ encrypted: true, scan: 'scanning' });
    expect(await verdictOf(t, owner.auth, bad.id)).toEqual({
      encrypted: true,
      scan: 'infected',
      signature: EICAR_SIGNATURE,
    });
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
    expect(good.trust).toMatchObject({ encrypted: true, scan: 'scanning' });
    expect(await verdictOf(t, owner.auth, good.id)).toMatchObject({ encrypted: true, scan: 'clean' });
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
