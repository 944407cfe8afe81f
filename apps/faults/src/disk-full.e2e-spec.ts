import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { call, login, newChat, upload } from './support/http';
import { count } from './support/sql';
import { canMount, mountSmallVolume, type SmallVolume } from './support/tmpfs';

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
    : [];

/** A 12 MB upload onto an 8 MB volume: 507 naming storage space, and the volume is left as it was. */
(canMount ? describe : describe.skip)('disk full', () => {
  let volume: SmallVolume;
  let d: FaultDeployment;
  let api: ApiProcess;

  beforeAll(async () => {
    volume = mountSmallVolume('8m');
    d = await faultDeployment({ STORAGE_PATH: join(volume.path, 'files') });
    api = await startApi(d.env);
  });

  afterAll(async () => {
    await api?.stop();
    await d?.remove();
    volume?.remove();
  });

  it('answers 507 STORAGE_FULL with nothing left behind, and stores what fits', async () => {
    const token = await login(api.url);
    const chatId = await newChat(api.url, token);
    await call(api.url, 'PUT', '/v1/settings/uploads', { token, body: { operator: { maxSizeKb: 20_000 } } });

    const full = await upload(api.url, token, chatId, 12_000_000);
    expect({ status: full.status, code: full.body['code'], error: full.body['error'] }).toEqual({
      status: 507,
      code: 'STORAGE_FULL',
      error: expect.stringMatching(/out of space/),
    });
    expect(files(volume.path)).toEqual([]);
    expect(await count(d.pg.url, 'attachments')).toBe(0);

    expect((await upload(api.url, token, chatId, 100_000)).status).toBe(201);
    expect(files(volume.path)).toHaveLength(1);
  });
});

if (!canMount) process.stdout.write('disk full: skipped, mounting a tmpfs needs root (CI runs as root)\n');
