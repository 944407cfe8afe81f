import { readFileSync } from 'node:fs';
import { freshDeployment, startApi, type ApiProcess } from './support/api-process';

const OWNER = { email: 'owner@cost.test', password: 'login-cost-password' };
const MiB = 1024 * 1024;

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function login(base: string, email: string, password: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * The built API: wrong logins cost one capped argon2id verify each whatever the email, so a burst
 * cannot blow up memory and timing does not tell known emails from unknown ones. Login limits are
 * raised so 429 does not interfere.
 */
describe('login cost', () => {
  let api: ApiProcess;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const deployment = await freshDeployment({
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      RATE_LIMIT_LOGIN_EMAIL: '100000/60',
      RATE_LIMIT_LOGIN_IP: '100000/60',
      // As `npm start` launches it (tools/scripts/api-process.mjs).
      MALLOC_ARENA_MAX: '2',
    });
    api = await startApi(deployment.env);
    cleanup = async () => {
      await api.stop();
      await deployment.remove();
    };
    // Warm up: the first requests load code paths and the connection pool.
    for (let i = 0; i < 3; i++) await login(api.url, OWNER.email, OWNER.password);
  });
  afterAll(() => cleanup());

  it('32 concurrent wrong logins keep RSS within +150 MiB', async () => {
    const pid = api.child.pid ?? 0;
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
    const statuses: number[] = [];
    try {
      for (let wave = 0; wave < 3; wave++) {
        const wrong = Array.from({ length: 32 }, (_, i) =>
          login(api.url, i % 2 ? OWNER.email : `nobody${i}@cost.test`, `wrong-${wave}-${i}`),
        );
        statuses.push(...(await Promise.all(wrong)).map((r) => r.status));
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssOf(pid));
    const growth = (peak - before) / MiB;
    console.log(
      `login RSS: before ${(before / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB, ` +
        `growth ${growth.toFixed(1)} MiB over 3 waves of 32 concurrent wrong logins ` +
        `(statuses: ${[...new Set(statuses)].join(',')})`,
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(growth).toBeLessThan(150);
  });

  it('known and unknown emails take the same time (medians within 20 %)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 21; i++) {
      // Interleaved, alternating which goes first, so load on the shared cores hits both alike.
      const pair = [
        () => login(api.url, OWNER.email, `wrong-${i}`).then((r) => known.push(r.ms)),
        () => login(api.url, `nobody-${i}@cost.test`, `wrong-${i}`).then((r) => unknown.push(r.ms)),
      ];
      if (i % 2) pair.reverse();
      for (const run of pair) await run();
    }
    const k = median(known);
    const u = median(unknown);
    const diff = Math.abs(k - u) / Math.max(k, u);
    console.log(
      `login timing (21 rounds each): known email median ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms, ` +
        `difference ${(diff * 100).toFixed(1)} %`,
    );
    expect(diff).toBeLessThanOrEqual(0.2);
  });
});
