#!/usr/bin/env node
// Search and listing benchmark: one account with BENCH_FILES attachments and BENCH_MESSAGES
// messages (plus BENCH_NOISE_PERCENT as much in another account), filled with SQL, then every
// list, filter, sort and search call of the API timed (p50/p95 over BENCH_CALLS calls) beside a
// bare SELECT of the same number of rows by primary key (the floor).
//   npm run bench:search                        (builds the API first if dist/apps/api/main.js is missing)
//   BENCH_FILES=100000 BENCH_MESSAGES=500000 npm run bench:search
//   BENCH_SEARCH_DB=satchel_bench_search npm run bench:search   (fills that database once, keeps it and
//   reuses it on later runs: migrations still run at start-up, so new indexes get built on it)
// Exits 0 when the run completed, 1 when it failed, 2 with BENCH_STRICT=1 when a p95 was over 50 ms.
// Needs PostgreSQL (TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis.
import { execSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { API_ENV, API_MAIN, API_NODE_ARGS } from '../scripts/api-process.mjs';
import { fill, reused } from './search-fill.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAIN = join(ROOT, API_MAIN);
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const FILES = Number(process.env.BENCH_FILES ?? 1_000_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5_000_000);
const NOISE = Number(process.env.BENCH_NOISE_PERCENT ?? 10) / 100;
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const TARGET_MS = 50;
const OWNER = { email: 'bench@satchel.local', password: 'bench-password-1' };
const log = (...a) => console.log(...a);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitForHttp(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function startApi(dataDir, databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [...API_NODE_ARGS, MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...API_ENV,
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      // Derived from the database's name, so a kept database (BENCH_SEARCH_DB) starts again.
      ENCRYPTION_KEYS: `bench:${createHash('sha256').update(databaseUrl).digest('base64')}`,
      QUEUE_PREFIX: `bench${randomBytes(4).toString('hex')}`,
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      LOG_LEVEL: 'warn',
      // The filled files belong to no message: without this, the sweep of unused uploads deletes them.
      RETENTION_UNUSED_GRACE: '87600h',
    },
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function getJson(base, path, token) {
  const res = await fetch(base + path, { headers: { authorization: `Token ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function time(fn) {
  for (let i = 0; i < 2; i++) await fn(); // warm-up
  const ms = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** Every offered call, with a path (query string included); `{cursor}` is filled from page 1. */
function calls(ids) {
  const a = '/v1/attachments';
  const from = new Date(Date.now() - 30 * 86400_000).toISOString();
  const to = new Date(Date.now() - 20 * 86400_000).toISOString();
  return [
    ['files: default list', `${a}`],
    ['files: page 2 by cursor', `${a}?cursor={cursor}`],
    ['files: page 400 by offset', `${a}?page=400`],
    ['files: search "invoice"', `${a}?q=invoice`],
    ['files: search 2 letters "ab"', `${a}?q=ab`],
    ['files: search rare "zz9"', `${a}?q=zz9`],
    ['files: sort size desc', `${a}?sort=size&order=desc`],
    ['files: sort size asc', `${a}?sort=size&order=asc`],
    ['files: sort name asc', `${a}?sort=name&order=asc`],
    ['files: filter type pdf', `${a}?type=pdf`],
    ['files: filter type image/*', `${a}?type=image%2F*`],
    ['files: filter role visitor', `${a}?role=visitor`],
    ['files: filter chat', `${a}?chatId=${ids.chatId}`],
    ['files: filter date range', `${a}?from=${from}&to=${to}`],
    ['files: type pdf + sort size', `${a}?type=pdf&sort=size&order=desc`],
    ['chat: messages', `/v1/chats/${ids.chatId}/messages`],
    ['chat: search "refund"', `/v1/chats/${ids.chatId}/search?q=refund`],
    ['inbox: list', `/v1/inbox`],
    ['inbox: search "refund"', `/v1/inbox/search?q=refund`],
    ['inbox: search rare "quokka"', `/v1/inbox/search?q=quokka`],
    ['inbox: search 2 letters "qu"', `/v1/inbox/search?q=qu`],
  ];
}

async function main() {
  if (!existsSync(MAIN)) {
    log('Building the API (dist/apps/api/main.js is missing)…');
    execSync('npx nx run api:build', { cwd: ROOT, stdio: 'inherit' });
  }
  const reuse = process.env.BENCH_SEARCH_DB;
  const dbName = reuse ?? `satchel_bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  const refill = !exists.rowCount;
  if (refill) await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${dbName}`;
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-bench-search-'));
  let apiServer;
  let failedTargets = 0;
  try {
    apiServer = await startApi(dataDir, dbUrl.toString());
    await db.connect();
    const started = performance.now();
    const ids = refill
      ? await fill(db, { files: FILES, messages: MESSAGES, noise: NOISE, log })
      : await reused(db, log);
    log(`Filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const login = await fetch(`${apiServer.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    const { token } = await login.json();
    const first = await getJson(apiServer.url, '/v1/attachments', token);
    const pageIds = first.items.map((i) => i.id);
    const floor = await time(() => db.query('SELECT * FROM attachments WHERE id = ANY($1)', [pageIds]));
    log(
      `\n${FILES.toLocaleString('en')} files, ${MESSAGES.toLocaleString('en')} messages; p50/p95 of ${CALLS} calls (ms)`,
    );
    log(`${'call'.padEnd(32)} ${'p50'.padStart(7)} ${'p95'.padStart(7)}  total shown`);
    log(
      `${'floor: SELECT 25 rows by id'.padEnd(32)} ${floor.p50.toFixed(1).padStart(7)} ${floor.p95.toFixed(1).padStart(7)}`,
    );
    for (const [name, path] of calls(ids)) {
      const p = path.replace('{cursor}', encodeURIComponent(first.nextCursor ?? ''));
      let body;
      const r = await time(async () => {
        body = await getJson(apiServer.url, p, token);
      });
      if (r.p95 > TARGET_MS) failedTargets++;
      const shown = body.total === undefined ? '' : `${body.total}${body.totalIsLowerBound ? '+' : ''}`;
      log(`${name.padEnd(32)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)}  ${shown}`);
    }
  } finally {
    apiServer?.child.kill();
    await db.end().catch(() => undefined);
    if (!process.env.BENCH_KEEP_DB && !reuse)
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    else log(`Kept database ${dbName}`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_STRICT === '1' && failedTargets) process.exit(2);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
