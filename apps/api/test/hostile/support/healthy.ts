import request from 'supertest';
import { PNG } from '../../support/files';
import type { TestApp } from '../../support/test-app';

/** The server still answers: `/health` is 200 and a normal upload into `chatId` is stored. */
export async function expectHealthy(t: TestApp, chatId: string, auth: Record<string, string>): Promise<void> {
  await request(t.url).get('/health').expect(200);
  const res = await request(t.url)
    .post(`/v1/chats/${chatId}/attachments`)
    .set(auth)
    .attach('files', PNG, 'ok.png');
  expect(res.status).toBe(201);
}
