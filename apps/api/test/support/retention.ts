import type { AttachmentDto, MessageDto } from '@satchel/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Session } from './fixtures';
import { waitFor } from './raw-upload';
import type { TestApp } from './test-app';

/** Sends a message with files through the real endpoint; returns its attachments. */
export async function sendFiles(
  t: TestApp,
  chatId: string,
  auth: Record<string, string>,
  files: { name: string; body: Buffer }[],
): Promise<AttachmentDto[]> {
  let req = request(t.url).post(`/v1/chats/${chatId}/messages/with-files`).set(auth).field('text', 'files');
  for (const f of files) req = req.attach('files', f.body, f.name);
  const res = await req;
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as MessageDto).attachments;
}

/** The storage keys of a file and of its preview renditions. */
export async function keysOf(t: TestApp, id: string): Promise<{ file: string; renditions: string[] }> {
  const db = t.app.get(DataSource);
  const [a] = await db.query(`SELECT storage_key FROM attachments WHERE id = $1`, [id]);
  const [p] = await db.query(
    `SELECT small_key, large_key FROM attachment_previews WHERE attachment_id = $1`,
    [id],
  );
  return { file: a.storage_key, renditions: [p?.small_key, p?.large_key].filter(Boolean) };
}

export async function previewReady(t: TestApp, id: string, auth: Record<string, string>): Promise<void> {
  await waitFor(async () => {
    const res = await request(t.url).get(`/v1/attachments/${id}`).set(auth);
    return res.body?.preview?.status === 'ready';
  }, 20_000);
}

export function setRetention(t: TestApp, admin: Session, body: Record<string, unknown>) {
  return request(t.url).put('/v1/settings/retention').set(admin.auth).send(body).expect(200);
}

export async function sweepNow(t: TestApp, owner: Session) {
  return (await request(t.url).post('/v1/admin/retention/sweep').set(owner.auth).expect(200)).body as {
    expired: number;
    unused: number;
    ran: boolean;
  };
}

/** Audit rows of retention removals per attachment. */
export async function removalAudits(t: TestApp): Promise<{ attachment_id: string; reason: string }[]> {
  return t.app
    .get(DataSource)
    .query(
      `SELECT attachment_id, reason FROM audit_events WHERE action = 'retention.remove' ORDER BY created_at`,
    );
}

/** Waits past the policy's shortened "day" (RETENTION_DAY_SECONDS=1 in these tests). */
export const pastOneDay = () => new Promise((ok) => setTimeout(ok, 1200));
