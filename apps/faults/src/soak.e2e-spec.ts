import { readFileSync } from 'node:fs';
import { startBuiltApi as startApi, type BuiltApi as ApiProcess } from '@satchel/testing';
import { faultDeployment, type FaultDeployment } from './support/deployment';
import { call, login, newChat, upload } from './support/http';

const SOAK_MS = 30_000;
const CONCURRENCY = 4;
/** Generous: the heap may settle higher after warm-up, a leak over 30 s of load would not stop there. */
const MAX_GROWTH_MIB = 64;

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Mixed uploads, downloads and listings against one built API, RSS sampled every second. */
describe('short soak', () => {
  let d: FaultDeployment;
  let api: ApiProcess;

  beforeAll(async () => {
    // The soak measures memory, not the rate limits: lifted for its one client.
    d = await faultDeployment({
      RATE_LIMIT_UPLOAD_TOKEN: '1000000/60',
      RATE_LIMIT_UPLOAD_ACCOUNT: '1000000/60',
      RATE_LIMIT_DOWNLOAD_IP: '1000000/60',
    });
    api = await startApi(d.env);
  });

  afterAll(async () => {
    await api?.stop();
    await d?.remove();
  });

  it(`serves ${SOAK_MS / 1000} s of mixed load without errors or memory growth`, async () => {
    const token = await login(api.url);
    const chatId = await newChat(api.url, token);
    const pid = api.child.pid!;
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const end = Date.now() + SOAK_MS;
    const sampler = setInterval(() => samples.push(rssMiB(pid)), 1000);
    const worker = async (n: number) => {
      for (let i = 0; Date.now() < end; i++) {
        const up = await upload(api.url, token, chatId, 50_000 + ((i * 7919 + n) % 200_000));
        count(up.status);
        const id = (up.body as unknown as { id: string }[])[0]?.id;
        if (id) {
          const res = await fetch(`${api.url}/v1/attachments/${id}/content`, {
            headers: { authorization: `Token ${token}` },
          });
          await res.arrayBuffer();
          count(res.status);
        }
        count((await call(api.url, 'GET', '/v1/attachments?pageSize=50', { token })).status);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => worker(n)));
    clearInterval(sampler);

    const warm = median(samples.slice(3, 8));
    const last = median(samples.slice(-5));
    const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `soak: ${requests} requests in ${SOAK_MS / 1000} s (${JSON.stringify(Object.fromEntries(statuses))}); ` +
        `RSS MiB after warm-up ${warm}, at the end ${last}, peak ${Math.max(...samples)}; samples ${samples.join(',')}\n`,
    );
    expect([...statuses.keys()].filter((s) => s >= 300 || s === 0)).toEqual([]);
    expect(last - warm).toBeLessThan(MAX_GROWTH_MIB);
  });
});
