import request from 'supertest';
import { eventually } from './callback-receiver';
import type { TestApp } from './test-app';

export type TusChat = { chatId: string; auth: Record<string, string> };
export const TUS = { 'Tus-Resumable': '1.0.0' };

export interface TusResult {
  id: string;
  chatId: string;
  name: string;
  trust?: { encrypted: boolean; scan: string; signature?: string };
}

const metadata = (meta: Record<string, string>) =>
  Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** One tus upload in `parts` PATCHes (as a client resuming after cuts sends it); the last answers 200. */
export async function tusUpload(
  t: TestApp,
  chat: TusChat,
  filename: string,
  body: Buffer,
  parts = 2,
): Promise<TusResult> {
  const created = await request(t.url)
    .post('/v1/uploads')
    .set(chat.auth)
    .set(TUS)
    .set('Upload-Length', String(body.length))
    .set('Upload-Metadata', metadata({ chatId: chat.chatId, filename, messageText: `here is ${filename}` }))
    .expect(201);
  const location = new URL(created.headers['location'], t.url).pathname;
  const step = Math.ceil(body.length / parts);
  let last: request.Response | undefined;
  for (let offset = 0; offset < body.length; offset += step) {
    const end = Math.min(body.length, offset + step);
    last = await request(t.url)
      .patch(location)
      .set(chat.auth)
      .set(TUS)
      .set('Content-Type', 'application/offset+octet-stream')
      .set('Upload-Offset', String(offset))
      .send(body.subarray(offset, end))
      .expect(end === body.length ? 200 : 204);
  }
  return JSON.parse(last?.text ?? '{}') as TusResult;
}

/** Polls the attachment until clamd's verdict replaced `scanning`; resolves with its `trust`. */
export function verdictOf(
  t: TestApp,
  auth: Record<string, string>,
  id: string,
  timeoutMs = 30_000,
): Promise<NonNullable<TusResult['trust']>> {
  return eventually(
    async () => {
      const res = await request(t.url).get(`/v1/attachments/${id}`).set(auth).expect(200);
      const trust = (res.body as TusResult).trust;
      return trust?.scan !== 'scanning' && trust;
    },
    timeoutMs,
    'the scan verdict',
  );
}
