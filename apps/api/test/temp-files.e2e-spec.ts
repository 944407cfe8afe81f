import { mkdirSync, utimesSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TempSweeper } from '../src/attachments/temp-sweeper.service';
import { HTML, pdfOfSize, PNG, setUploadSettings } from './support/files';
import { accountWithOperator, createOperator, startVisitorChat, type Session } from './support/fixtures';
import { partHeader, startRawUpload, waitFor } from './support/raw-upload';
import { startTestApp, type TestApp } from './support/test-app';
import { expectNothingStored, storedNow, tempFiles } from './hostile/support/leftovers';

describe('upload temp files', () => {
  describe('a refused or aborted upload leaves no temp file', () => {
    let t: TestApp;
    let owner: Session;
    let visitor: { chatId: string; auth: { Authorization: string } };

    beforeAll(async () => {
      t = await startTestApp({ MAX_FILES_PER_REQUEST: '2' });
      let widgetKey: string;
      ({ owner, widgetKey } = await accountWithOperator(t));
      await setUploadSettings(t, owner.auth, { visitor: { maxSizeKb: 64, allowedTypes: 'png|pdf' } });
      visitor = await startVisitorChat(t, widgetKey);
    });
    afterAll(() => t.close());

    const upload = () => request(t.url).post(`/v1/chats/${visitor.chatId}/attachments`).set(visitor.auth);
    const seedUpload = () => request(t.url).post('/v1/chat/upload/').set(owner.auth);

    async function refused(status: number, send: () => Promise<{ status: number }>) {
      const before = await storedNow(t);
      const res = await send();
      expect(res.status).toBe(status);
      await expectNothingStored(t, before);
    }

    it('415 from the content (HTML named .png)', () =>
      refused(415, () => upload().attach('files', HTML, 'cat.png')));

    it('413 in the middle of the stream', () =>
      refused(413, () => upload().attach('files', pdfOfSize(1024 * 1024), 'big.pdf')));

    it('413 for the second file after the first was stored', () =>
      refused(413, () =>
        upload()
          .attach('files', PNG, 'ok.png')
          .attach('files', pdfOfSize(512 * 1024), 'big.pdf'),
      ));

    it('413 for too many files', () =>
      refused(413, () =>
        upload().attach('files', PNG, 'a.png').attach('files', PNG, 'b.png').attach('files', PNG, 'c.png'),
      ));

    it('403 when uploads are disabled for the role', async () => {
      const op = await createOperator(t, owner);
      await setUploadSettings(t, owner.auth, { operator: { enabled: false } });
      try {
        await refused(403, () =>
          request(t.url)
            .post(`/v1/chats/${visitor.chatId}/attachments`)
            .set(op.auth)
            .attach('files', PNG, 'a.png'),
        );
      } finally {
        await setUploadSettings(t, owner.auth, { operator: { enabled: true } });
      }
    });

    it('the client aborting mid-stream', async () => {
      const before = await storedNow(t);
      const socket = await startRawUpload(
        t.url,
        `/v1/chats/${visitor.chatId}/attachments`,
        visitor.auth.Authorization,
        60 * 1024,
      );
      socket.write(partHeader('files', 'cut.pdf', 'application/pdf'));
      socket.write(pdfOfSize(40 * 1024));
      await waitFor(() => tempFiles(t).length > 0);
      socket.destroy();
      await expectNothingStored(t, before);
    });

    it('seed 001 spooling (file before session_id): 413 mid-stream and a client abort', async () => {
      await setUploadSettings(t, owner.auth, { operator: { maxSizeKb: 64 } });
      await refused(400, () => seedUpload().attach('file', HTML, 'page.png').field('session_id', 's1'));
      await refused(413, () =>
        seedUpload()
          .attach('file', pdfOfSize(512 * 1024), 'big.pdf')
          .field('session_id', 's1'),
      );
      const before = await storedNow(t);
      const socket = await startRawUpload(t.url, '/v1/chat/upload/', owner.auth.Authorization, 60 * 1024);
      socket.write(partHeader('file', 'cut.pdf', 'application/pdf'));
      socket.write(pdfOfSize(40 * 1024));
      await waitFor(() => tempFiles(t).length > 0);
      socket.destroy();
      await expectNothingStored(t, before);
    });

    it('refusals decided while the temp file is being opened (many times over)', async () => {
      // The client drops the connection right after the file's first bytes: the refusal (abort)
      // races the opening of the temp file. Once, a 0-byte file was left behind this way.
      const before = await storedNow(t);
      for (let i = 0; i < 40; i++) {
        const socket = await startRawUpload(
          t.url,
          `/v1/chats/${visitor.chatId}/attachments`,
          visitor.auth.Authorization,
          60 * 1024,
        );
        socket.write(partHeader('files', 'race.pdf', 'application/pdf'));
        const closed = new Promise((r) => socket.once('close', r));
        socket.write(pdfOfSize(8 * 1024).subarray(0, 4200 + (i % 8) * 300), () => socket.destroy());
        await closed;
      }
      await expectNothingStored(t, before);
    });
  });

  describe('the sweeper', () => {
    it('deletes leftovers older than TEMP_MAX_AGE_MINUTES at start and keeps fresh ones', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'satchel-sweep-'));
      const storageTemp = join(dataDir, 'files', '.tmp');
      const spool = join(dataDir, 'tmp', 'uploads');
      const old = new Date(Date.now() - 2 * 3600_000);
      const plant = (dir: string, name: string, mtime?: Date) => {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, name), 'leftover');
        if (mtime) utimesSync(join(dir, name), mtime, mtime);
        return join(dir, name);
      };
      const oldOnes = [plant(storageTemp, 'old-1'), plant(spool, 'old-2')];
      oldOnes.forEach((p) => utimesSync(p, old, old));
      const fresh = [plant(storageTemp, 'fresh-1'), plant(spool, 'fresh-2')];
      const t = await startTestApp({ DATA_DIR: dataDir, TEMP_MAX_AGE_MINUTES: '60' });
      try {
        expect(oldOnes.filter((p) => existsSync(p))).toEqual([]);
        expect(fresh.filter((p) => existsSync(p))).toEqual(fresh);
        // The periodic sweep (every TEMP_SWEEP_INTERVAL_MINUTES) runs the same pass.
        const later = plant(spool, 'old-3');
        utimesSync(later, old, old);
        expect(await t.app.get(TempSweeper).sweep()).toBe(1);
        expect(existsSync(later)).toBe(false);
        expect(fresh.filter((p) => existsSync(p))).toEqual(fresh);
      } finally {
        await t.close();
      }
    });
  });
});
