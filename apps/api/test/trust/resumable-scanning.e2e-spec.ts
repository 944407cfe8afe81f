import request from 'supertest';
import { eventually, startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import {
  EICAR_SIGNATURE,
  eicar,
  startClamd,
  type TestClamd,
  startS3Server,
  type TestS3Server,
} from '@satchel/testing';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from '../support/fixtures';
import { rawBody, setUploadSettings } from '../support/files';
import { filesUnder, markedText } from '../support/stored-bytes';
import { QUEUES } from '../../src/jobs/queues';
import { enableCallbackAndExport } from '../support/integrations';
import { jobWhere, queuesIdle } from '../support/queues';
import { startTestApp, type TestApp } from '../support/test-app';
import { tusUpload, verdictOf, type TusChat } from '../support/tus';

const LARGE = 12 * 1024 * 1024;

const content = (t: TestApp, id: string, auth: Record<string, string>) =>
  request(t.url).get(`/v1/attachments/${id}/content`).set(auth).buffer(true).parse(rawBody);

const sharedIn = async (t: TestApp, chat: TusChat, auth: Record<string, string>) => {
  const res = await request(t.url).get(`/v1/chats/${chat.chatId}/messages`).set(auth).expect(200);
  return (res.body as { text: string; attachments: { id: string }[] }[]).map((m) => ({
    text: m.text,
    ids: m.attachments.map((a) => a.id),
  }));
};

/**
 * A large resumable upload is stored first and scanned by a job: it shows `scanning` (never served,
 * announced or shared) until clamd's verdict, with a real clamd.
 */
describe('resumable (tus) uploads wait in `scanning` for the verdict', () => {
  let clamd: TestClamd;
  let s3: TestS3Server;
  let receiver: CallbackReceiver;
  let t: TestApp;
  let owner: Session;
  let chat: TusChat;

  beforeAll(async () => {
    clamd = await startClamd();
    s3 = await startS3Server(['customer-bucket']);
    receiver = await startCallbackReceiver();
    t = await startTestApp({ CLAMAV_URL: clamd.url, OUTBOUND_ALLOW: '127.0.0.1' });
    owner = await loginOwner(t);
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: 'txt', maxSizeKb: 2 * (LARGE / 1024) },
      generateThumbnails: false,
    });
    chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
    await enableCallbackAndExport(t, owner, receiver.url, s3, 'customer-bucket');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await s3?.close();
    await clamd?.stop();
  });

  it('reports a large upload `scanning`, then clean: called back, exported, shared, served', async () => {
    const body = markedText('LARGE-TUS-SCAN', LARGE);
    const up = await tusUpload(t, chat, 'large.txt', body, 4);
    expect(up.trust).toEqual({ encrypted: true, scan: 'scanning' });
    expect(await verdictOf(t, owner.auth, up.id)).toEqual({ encrypted: true, scan: 'clean' });

    const [callback] = await receiver.waitFor(1);
    expect(callback.files.file.filename).toBe('large.txt');
    expect(Buffer.compare(callback.files.file.data, body)).toBe(0);
    const exported = await eventually(
      async () => filesUnder(s3.directory).find((f) => f.bytes.length === LARGE),
      30_000,
      'the export',
    );
    expect(Buffer.compare(exported.bytes, body)).toBe(0);
    expect(await sharedIn(t, chat, owner.auth)).toContainEqual({ text: 'here is large.txt', ids: [up.id] });
    const res = await content(t, up.id, owner.auth).expect(200);
    expect(Buffer.compare(res.body as Buffer, body)).toBe(0);
  });

  it('quarantines EICAR after `scanning`: never served, called back, exported or shared', async () => {
    const bad = await tusUpload(t, chat, 'eicar.txt', eicar());
    expect(bad.trust).toEqual({ encrypted: true, scan: 'scanning' });
    expect(await verdictOf(t, owner.auth, bad.id)).toEqual({
      encrypted: true,
      scan: 'infected',
      signature: EICAR_SIGNATURE,
    });
    const refused = await content(t, bad.id, owner.auth).expect(403);
    expect(JSON.parse((refused.body as Buffer).toString())).toMatchObject({ code: 'FILE_QUARANTINED' });
    // The message goes out with its text only.
    const messages = await eventually(
      async () => {
        const all = await sharedIn(t, chat, owner.auth);
        return all.some((m) => m.text === 'here is eicar.txt') && all;
      },
      15_000,
      'the message',
    );
    expect(messages.flatMap((m) => m.ids)).not.toContain(bad.id);
    await request(t.url).post('/v1/settings/s3-export/backlog').set(owner.auth).send({});
    await queuesIdle(t.app, [QUEUES.callbacks, QUEUES.exports]);
    expect(receiver.received.filter((r) => r.files.file?.filename === 'eicar.txt')).toEqual([]);
    expect(filesUnder(s3.directory).some((f) => f.bytes.includes(eicar()))).toBe(false);
  });

  it('with clamd down (fail closed) stays `scanning`, refused and unshared, until clamd answers again', async () => {
    const port = clamd.port;
    await clamd.stop();
    const body = markedText('WAITING-FOR-CLAMD', 300_000);
    const up = await tusUpload(t, chat, 'waiting.txt', body);
    expect(up.trust).toEqual({ encrypted: true, scan: 'scanning' });
    // The scan ran against the stopped clamd, failed and waits for its retry.
    await jobWhere(
      t.app,
      QUEUES.scans,
      `scan-${up.id}`,
      (job, state) => job.attemptsMade >= 1 && state === 'delayed',
    );
    const still = await request(t.url).get(`/v1/attachments/${up.id}`).set(owner.auth).expect(200);
    expect(still.body).toMatchObject({ trust: { scan: 'scanning' } });
    const waiting = await content(t, up.id, owner.auth).expect(409);
    expect(JSON.parse((waiting.body as Buffer).toString())).toMatchObject({ code: 'FILE_SCANNING' });
    expect((await sharedIn(t, chat, owner.auth)).flatMap((m) => m.ids)).not.toContain(up.id);

    clamd = await startClamd(port);
    expect(await verdictOf(t, owner.auth, up.id, 60_000)).toEqual({ encrypted: true, scan: 'clean' });
    const res = await content(t, up.id, owner.auth).expect(200);
    expect(Buffer.compare(res.body as Buffer, body)).toBe(0);
  }, 90_000);
});
