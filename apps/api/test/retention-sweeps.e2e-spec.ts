import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RetentionSweeper } from '../src/retention/retention-sweeper.service';
import { TempSweeper } from '../src/attachments/temp-sweeper.service';
import { uploadTempDirs } from '../src/attachments/upload/temp-dirs';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { pdfOfSize, setUploadSettings, storedFiles, uploadFile } from './support/files';
import { keysOf, pastOneDay, removalAudits, sendFiles, setRetention, sweepNow } from './support/retention';
import { startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-db';

const TYPES = { allowedTypes: 'png|pdf' };

describe('sweeps of unused uploads and temp leftovers', () => {
  it('removes uploads never sent after the grace period, and stale temp files; sent files stay', async () => {
    const t = await startTestApp({ RETENTION_UNUSED_GRACE: '1s', TEMP_MAX_AGE_MINUTES: '60' });
    try {
      const { owner, widgetKey } = await accountWithOperator(t);
      await setUploadSettings(t, owner.auth, { visitor: TYPES, operator: TYPES });
      const v = await startVisitorChat(t, widgetKey);
      const unsent = await uploadFile(t, v.chatId, v.auth, 'unsent.pdf', pdfOfSize(1500));
      const loose = await request(t.url)
        .post('/v1/chat/upload/')
        .set(owner.auth)
        .attach('file', pdfOfSize(1800), 'loose.pdf')
        .expect(200);
      const [sent] = await sendFiles(t, v.chatId, v.auth, [{ name: 'sent.pdf', body: pdfOfSize(1600) }]);
      const [looseRow] = await t.app
        .get(DataSource)
        .query(`SELECT id FROM attachments WHERE name = 'loose.pdf'`);
      expect(loose.body.url).toBeTruthy();
      const unsentKey = (await keysOf(t, unsent.id)).file;
      const looseKey = (await keysOf(t, looseRow.id)).file;

      // The Unused view lists them before the sweep.
      const view = await request(t.url).get('/v1/retention/files?view=unused').set(owner.auth).expect(200);
      expect(view.body.items.map((f: { name: string }) => f.name).sort()).toEqual([
        'loose.pdf',
        'unsent.pdf',
      ]);
      expect(view.body).toMatchObject({ count: 2, bytes: 1500 + 1800 });

      const old = new Date(Date.now() - 2 * 3600_000);
      const [spool] = uploadTempDirs(t.config);
      mkdirSync(spool, { recursive: true });
      const leftover = join(spool, 'crashed-upload');
      writeFileSync(leftover, 'partial');
      utimesSync(leftover, old, old);

      await pastOneDay();
      expect(await sweepNow(t, owner)).toMatchObject({ unused: 2, expired: 0 });
      // Temp folders are per machine: every process sweeps its own on TEMP_SWEEP_INTERVAL_MINUTES.
      expect(await t.app.get(TempSweeper).sweep()).toBe(1);
      expect(existsSync(leftover)).toBe(false);
      const left = storedFiles(t);
      expect(left).not.toContain(unsentKey);
      expect(left).not.toContain(looseKey);
      expect(left).toContain((await keysOf(t, sent.id)).file);
      await request(t.url).get(`/v1/attachments/${unsent.id}`).set(owner.auth).expect(404);
      await request(t.url).get(`/v1/attachments/${sent.id}`).set(owner.auth).expect(200);
      expect((await removalAudits(t)).map((a) => a.reason)).toEqual(['unused', 'unused']);
    } finally {
      await t.close();
    }
  });
});

describe('two workers sweeping at once', () => {
  it('delete each file exactly once (row claims), and only one scheduled run goes at a time (lock)', async () => {
    const db = await createTestDatabase();
    const env = { RETENTION_DAY_SECONDS: '1', QUEUE_PREFIX: `tw${Date.now()}` };
    const a = await startTestApp(env, { db });
    const b = await startTestApp(
      { ...env, DATA_DIR: a.dataDir, STORAGE_PATH: a.config.storage.path },
      { db },
    );
    try {
      const { owner, widgetKey } = await accountWithOperator(a);
      await setUploadSettings(a, owner.auth, { visitor: TYPES });
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const v = await startVisitorChat(a, widgetKey);
        const files = Array.from({ length: 5 }, (_, j) => ({
          name: `f${i}-${j}.pdf`,
          body: pdfOfSize(1024 + j),
        }));
        ids.push(...(await sendFiles(a, v.chatId, v.auth, files)).map((f) => f.id));
      }
      await setRetention(a, owner, { days: 1 });
      await pastOneDay();

      const [ra, rb] = await Promise.all([
        a.app.get(RetentionSweeper).sweep(),
        b.app.get(RetentionSweeper).sweep(),
      ]);
      expect(ra.expired + rb.expired).toBe(30);
      const audits = await removalAudits(a);
      expect(audits).toHaveLength(30);
      expect(new Set(audits.map((x) => x.attachment_id))).toEqual(new Set(ids));
      expect(storedFiles(a).filter((f) => !f.startsWith('.tmp/'))).toEqual([]);

      const runs = await Promise.all([a.app.get(RetentionSweeper).run(), b.app.get(RetentionSweeper).run()]);
      expect(runs.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
      expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(0);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('storage consistency check', () => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp({ RETENTION_ORPHAN_GRACE: '0ms' });
    ({ owner } = await accountWithOperator(t));
    await setUploadSettings(t, owner.auth, { visitor: TYPES });
  });
  afterAll(() => t.close());

  it('finds a planted orphan object and a planted missing object, and repairs them when told', async () => {
    const widgetKey = (await request(t.url).get('/v1/account').set(owner.auth).expect(200)).body.widgetKey;
    const v = await startVisitorChat(t, widgetKey);
    const [fine, lost] = await sendFiles(t, v.chatId, v.auth, [
      { name: 'fine.pdf', body: pdfOfSize(1100) },
      { name: 'lost.pdf', body: pdfOfSize(1200) },
    ]);
    const root = t.config.storage.path;
    const orphanKey = `accounts/${owner.accountId}/chats/${v.chatId}/planted-orphan`;
    mkdirSync(join(root, orphanKey, '..'), { recursive: true });
    writeFileSync(join(root, orphanKey), 'nobody refers to me');
    const lostKey = (await keysOf(t, lost.id)).file;
    rmSync(join(root, lostKey));

    const report = await request(t.url).get('/v1/admin/storage/consistency').set(owner.auth).expect(200);
    expect(report.body).toEqual({
      orphanObjects: [{ key: orphanKey, size: 19 }],
      missingObjects: [{ attachmentId: lost.id, accountId: owner.accountId, key: lostKey }],
      repaired: false,
    });
    const orphaned = await request(t.url)
      .get('/v1/retention/files?view=orphaned')
      .set(owner.auth)
      .expect(200);
    expect(orphaned.body.items.map((f: { id: string }) => f.id)).toEqual([lost.id]);
    expect(existsSync(join(root, orphanKey))).toBe(true);

    await request(t.url).post('/v1/admin/storage/consistency/repair').set(owner.auth).expect(200);
    expect(existsSync(join(root, orphanKey))).toBe(false);
    const gone = await request(t.url).get(`/v1/attachments/${lost.id}`).set(owner.auth).expect(410);
    expect(gone.body.code).toBe('FILE_EXPIRED');
    await request(t.url).get(`/v1/attachments/${fine.id}/content`).set(owner.auth).expect(200);
    const after = await request(t.url).get('/v1/admin/storage/consistency').set(owner.auth).expect(200);
    expect(after.body).toMatchObject({ orphanObjects: [], missingObjects: [] });
    expect((await removalAudits(t)).map((a) => a.reason)).toEqual(['missing-object']);
  });

  it('is the platform owner’s: an account admin gets 403', async () => {
    const { admin } = await createTenant(t, owner);
    await request(t.url).get('/v1/admin/storage/consistency').set(admin.auth).expect(403);
  });
});
