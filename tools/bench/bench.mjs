#!/usr/bin/env node
// Upload benchmark: the real API endpoint vs a raw node:http → file baseline, in one run.
//   npm run bench                 (builds the API first if dist/apps/api/main.js is missing)
//   BENCH_LARGE_MIB=1024 BENCH_SMALL_SECONDS=10 BENCH_ROUNDS=3 npm run bench
//   BENCH_ONLY=encryption npm run bench   (only the encryption-at-rest section)
// Exits 0 when the run completed (whatever the figures), 1 when it failed, 2 with BENCH_STRICT=1
// when a target was missed.
// Needs PostgreSQL (TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis.
import { execSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { API_ENV, API_MAIN, API_NODE_ARGS } from '../scripts/api-process.mjs';
import { encryptionBench } from './encryption.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAIN = join(ROOT, API_MAIN);
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LARGE_MIB = Number(process.env.BENCH_LARGE_MIB ?? 1024);
const SMALL_BYTES = 300 * 1024;
const SMALL_SECONDS = Number(process.env.BENCH_SMALL_SECONDS ?? 10);
const CONCURRENCY = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** `encryption`: only the encryption-at-rest section. */
const ONLY = process.env.BENCH_ONLY;
const BOUNDARY = 'satchel-bench-boundary';
const OWNER = { email: 'bench@satchel.local', password: 'bench-password-1' };

const log = (...a) => console.log(...a);
/**
 * Flushes dirty pages so that one phase's disk writeback does not slow the next one down (the
 * API's commits wait for WAL fsyncs, which queue behind gigabytes of the other server's writes).
 */
const settleDisk = () => execSync('sync');
const mib = (bytes) => bytes / 1024 / 1024;
/** " (503 ×12, ECONNRESET ×3)" for a run with failures, "" without. */
const errorDetail = (run) => {
  const parts = Object.entries(run.byStatus ?? {}).map(([what, n]) => `${what} ×${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** Peak resident set (VmHWM) of a process, in MiB; `reset` clears it first (Linux clear_refs 5). */
function peakRssMib(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function waitForHttp(url, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Busy CPU seconds of the whole machine so far (all processes: servers, PostgreSQL, Redis, this client, kernel). */
function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** Measures `work` and the machine CPU seconds it used. */
async function metered(work) {
  const before = machineBusySeconds();
  const result = await work();
  return { result, cpu: machineBusySeconds() - before };
}

/** Single-core costs every API upload pays on top of the raw baseline: sha256 and multipart parsing. */
async function perByteCosts() {
  const chunk = randomBytes(1024 * 1024);
  const MIB = 256;
  let t = process.hrtime.bigint();
  const h = createHash('sha256');
  for (let i = 0; i < MIB; i++) h.update(chunk);
  h.digest();
  const sha = Number(process.hrtime.bigint() - t) / 1e6 / MIB;
  const { default: busboy } = await import('busboy');
  const bb = busboy({ headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
  const done = new Promise((resolve) => bb.on('close', resolve));
  bb.on('file', (_name, stream) => stream.resume());
  t = process.hrtime.bigint();
  bb.write(preamble('x.pdf'));
  for (let i = 0; i < MIB; i++) bb.write(chunk);
  bb.end(epilogue);
  await done;
  const parse = Number(process.hrtime.bigint() - t) / 1e6 / MIB;
  return { sha, parse };
}

// ---------- servers ----------

const RAW_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const { pipeline } = require('node:stream/promises');
const { randomUUID } = require('node:crypto'); const path = require('node:path');
const dir = process.argv[1]; const port = Number(process.argv[2]);
http.createServer(async (req, res) => {
  if (req.method !== 'POST') { res.end('ok'); return; }
  const file = path.join(dir, randomUUID());
  try { await pipeline(req, fs.createWriteStream(file)); res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ file })); }
  catch (e) { res.statusCode = 500; res.end(); }
}).listen(port, '127.0.0.1');
`;

async function startRaw(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', RAW_SERVER, dir, String(port)], { stdio: 'inherit' });
  await waitForHttp(`http://127.0.0.1:${port}/`, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function startPeer(dir, databaseUrl, token) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'tools/bench/peer-server.mjs'), dir, String(port), databaseUrl, token],
    {
      stdio: 'inherit',
    },
  );
  await waitForHttp(`http://127.0.0.1:${port}/`, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function startApi(dataDir, databaseUrl) {
  const port = await freePort();
  // Launched as `npm start` launches it; BENCH_API_NODE_ARGS adds flags (e.g. --cpu-prof, or
  // --trace-gc with BENCH_API_STDOUT=1 to see the API's stdout).
  const extra = process.env.BENCH_API_NODE_ARGS ? process.env.BENCH_API_NODE_ARGS.split(' ') : [];
  const nodeArgs = [...API_NODE_ARGS, ...extra];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    stdio: ['ignore', process.env.BENCH_API_STDOUT ? 'inherit' : 'ignore', 'inherit'],
    env: {
      ...API_ENV,
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      QUEUE_PREFIX: `bench${randomBytes(4).toString('hex')}`,
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      LOG_LEVEL: 'warn',
      // The client's kept-alive socket idles while the other servers run their round; a server closing
      // it at 5 s races the next upload's first write (EPIPE).
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000',
      // One token uploads thousands of files a minute here, far past the per-token (300/min) and
      // per-account (1200/min) limits meant for real clients: without this the later small-file
      // phases answered 429 (the "211 failed" of an earlier run).
      RATE_LIMIT_UPLOAD_TOKEN: '1000000/60',
      RATE_LIMIT_UPLOAD_ACCOUNT: '1000000/60',
    },
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function api(base, method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Token ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

// ---------- clients ----------

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const pdfHead = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const preamble = (name) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
const epilogue = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** POSTs a multipart body (streamed from `parts`) and resolves with status, body and milliseconds. */
function post(url, token, length, parts) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': length,
        ...(token ? { authorization: `Token ${token}` } : {}),
      },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          body: Buffer.concat(chunks).toString(),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
    });
    req.on('error', reject);
    Readable.from(parts()).pipe(req);
  });
}

/** One large PDF-signed file of `mibSize` MiB, generated while sending (never held in memory). */
function largeUpload(url, token, mibSize) {
  const chunk = randomBytes(1024 * 1024);
  const fileBytes = mibSize * 1024 * 1024;
  const pre = preamble('large.pdf');
  const length = pre.length + fileBytes + epilogue.length;
  return post(url, token, length, function* () {
    yield pre;
    yield pdfHead;
    yield chunk.subarray(pdfHead.length);
    for (let i = 1; i < mibSize; i++) yield chunk;
    yield epilogue;
  });
}

const TUS_CHUNK_MIB = Number(process.env.BENCH_TUS_CHUNK_MIB ?? 50);

/** Sends one tus request (`POST` creation or `PATCH` chunk) with `mibs` MiB streamed from `chunks()`. */
function tusRequest(url, method, headers, length, chunks) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      agent,
      headers: { 'tus-resumable': '1.0.0', ...headers, 'content-length': length },
    });
    req.on('response', (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts).toString() }),
      );
    });
    req.on('error', reject);
    Readable.from(chunks()).pipe(req);
  });
}

/** One large PDF-signed file through tus: created, then PATCHed in `TUS_CHUNK_MIB` chunks as a client sends it. */
async function tusUpload(base, token, chatId, mibSize) {
  const started = process.hrtime.bigint();
  const chunk = randomBytes(1024 * 1024);
  const auth = { authorization: `Token ${token}` };
  const b64 = (v) => Buffer.from(v).toString('base64');
  const created = await tusRequest(
    `${base}/v1/uploads`,
    'POST',
    {
      ...auth,
      'upload-length': String(mibSize * 1024 * 1024),
      'upload-metadata': `chatId ${b64(chatId)},filename ${b64('large.pdf')}`,
    },
    0,
    () => [],
  );
  if (created.status !== 201) return { ...created, ms: 0 };
  let last;
  for (let sent = 0; sent < mibSize; sent += TUS_CHUNK_MIB) {
    const n = Math.min(TUS_CHUNK_MIB, mibSize - sent);
    last = await tusRequest(
      base + created.headers.location,
      'PATCH',
      {
        ...auth,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(sent * 1024 * 1024),
      },
      n * 1024 * 1024,
      function* () {
        for (let i = 0; i < n; i++)
          yield sent === 0 && i === 0 ? Buffer.concat([pdfHead, chunk.subarray(pdfHead.length)]) : chunk;
      },
    );
    if (last.status >= 300) return { ...last, ms: 0 };
  }
  return { ...last, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function smallUploads(url, token, seconds) {
  const file = Buffer.concat([pdfHead, randomBytes(SMALL_BYTES - pdfHead.length)]);
  const body = Buffer.concat([preamble('small.pdf'), file, epilogue]);
  const latencies = [];
  let errors = 0;
  /** Failed requests by HTTP status or, for a request that got no answer, its error code. */
  const byStatus = {};
  const failed = (what) => {
    errors++;
    byStatus[what] = (byStatus[what] ?? 0) + 1;
  };
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        try {
          const r = await post(url, token, body.length, function* () {
            yield body;
          });
          if (r.status >= 300) failed(r.status);
          latencies.push(r.ms);
        } catch (err) {
          failed(err.code ?? err.message);
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    byStatus,
    count: latencies.length,
  };
}

// ---------- run ----------

function encryptionPhase(apiServer, token, apiUpload) {
  return encryptionBench({
    url: apiServer.url,
    apiPid: apiServer.child.pid,
    token,
    apiUpload,
    largeMib: LARGE_MIB,
    rounds: ROUNDS,
    smallSeconds: SMALL_SECONDS,
    largeUpload,
    smallUploads,
    errorDetail,
    api,
    settleDisk,
    log,
  });
}

async function main() {
  if (!existsSync(MAIN)) {
    log('Building the API (dist/apps/api/main.js is missing)…');
    execSync('npx nx run api:build', { cwd: ROOT, stdio: 'inherit' });
  }
  const dbName = `satchel_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-bench-api-'));
  const rawDir = mkdtempSync(join(tmpdir(), 'satchel-bench-raw-'));
  const peerDir = mkdtempSync(join(tmpdir(), 'satchel-bench-peer-'));
  const peerToken = randomBytes(16).toString('hex');
  let apiServer;
  let rawServer;
  let peerServer;
  try {
    apiServer = await startApi(dataDir, dbUrl.toString());
    rawServer = await startRaw(rawDir);
    peerServer = await startPeer(peerDir, dbUrl.toString(), peerToken);
    const servers = { api: apiServer, raw: rawServer, peer: peerServer };
    const pids = Object.values(servers).map((srv) => srv.child.pid);
    const { token } = await api(apiServer.url, 'POST', '/v1/auth/login', null, OWNER);
    await api(apiServer.url, 'PUT', '/v1/settings/uploads', token, {
      operator: { allowedTypes: 'pdf', maxSizeKb: LARGE_MIB * 1024 + 1024 },
    });
    const chat = await api(apiServer.url, 'POST', '/v1/chats', token, { visitorName: 'Bench' });
    const apiUpload = `${apiServer.url}/v1/chats/${chat.id}/attachments`;
    log(
      `API ${apiServer.url} (pid ${apiServer.child.pid}), raw baseline ${rawServer.url} (pid ${rawServer.child.pid}), textbook peer ${peerServer.url} (pid ${peerServer.child.pid})`,
    );

    if (ONLY === 'encryption') {
      await encryptionPhase(apiServer, token, apiUpload);
      return;
    }
    // Large file: interleaved rounds, medians.
    const large = { api: [], raw: [], peer: [] };
    const largeCpu = { api: 0, raw: 0, peer: 0 };
    const urlOf = { api: apiUpload, raw: rawServer.url, peer: peerServer.url };
    const tokenOf = { api: token, raw: null, peer: peerToken };
    const canReset = pids.every((pid) => resetPeakRss(pid));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of ['raw', 'peer', 'api']) {
        const { result: r, cpu } = await metered(() =>
          largeUpload(urlOf[target], tokenOf[target], LARGE_MIB),
        );
        largeCpu[target] += cpu;
        if (r.status >= 300) throw new Error(`${target} large upload failed: ${r.status} ${r.body}`);
        const seconds = r.ms / 1000;
        large[target].push(LARGE_MIB / seconds);
        log(
          `  large round ${round} ${target.padEnd(4)} ${(LARGE_MIB / seconds).toFixed(0)} MiB/s (${seconds.toFixed(2)} s)`,
        );
        if (target === 'api')
          await api(apiServer.url, 'DELETE', `/v1/attachments/${JSON.parse(r.body)[0].id}`, token);
        else rmSync(JSON.parse(r.body).file, { force: true });
        settleDisk();
      }
    }
    const rssOf = () =>
      Object.fromEntries(Object.entries(servers).map(([k, srv]) => [k, peakRssMib(srv.child.pid)]));
    const largeRss = rssOf();

    // The same large file through tus, chunked; the API's peak RSS measured on its own.
    if (canReset) resetPeakRss(apiServer.child.pid);
    const tusRates = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await tusUpload(apiServer.url, token, chat.id, LARGE_MIB);
      if (r.status >= 300) throw new Error(`tus large upload failed: ${r.status} ${r.body}`);
      tusRates.push(LARGE_MIB / (r.ms / 1000));
      log(`  large round ${round} tus  ${tusRates.at(-1).toFixed(0)} MiB/s (${(r.ms / 1000).toFixed(2)} s)`);
      await api(apiServer.url, 'DELETE', `/v1/attachments/${JSON.parse(r.body).id}`, token);
      settleDisk();
    }
    const tusRss = peakRssMib(apiServer.child.pid);

    // Small files at 32 connections.
    if (canReset) pids.forEach((pid) => resetPeakRss(pid));
    const small = {};
    settleDisk();
    const rawRun = await metered(() => smallUploads(rawServer.url, null, SMALL_SECONDS));
    small.raw = { ...rawRun.result, cpu: rawRun.cpu };
    settleDisk();
    const peerRun = await metered(() => smallUploads(peerServer.url, peerToken, SMALL_SECONDS));
    small.peer = { ...peerRun.result, cpu: peerRun.cpu };
    settleDisk();
    const apiRun = await metered(() => smallUploads(apiUpload, token, SMALL_SECONDS));
    small.api = { ...apiRun.result, cpu: apiRun.cpu };
    const smallRss = rssOf();

    const L = { api: median(large.api), raw: median(large.raw), peer: median(large.peer) };
    const largeRatio = L.api / L.raw;
    const smallRatio = small.api.rps / small.raw.rps;
    log('');
    log(
      `Large file: ${LARGE_MIB} MiB, median of ${ROUNDS} interleaved rounds${canReset ? '' : ' (peak RSS is over the whole run: clear_refs unavailable)'}`,
    );
    log(
      `  raw node:http → file   ${L.raw.toFixed(0).padStart(5)} MiB/s   peak RSS ${largeRss.raw.toFixed(0)} MiB`,
    );
    log(
      `  textbook peer          ${L.peer.toFixed(0).padStart(5)} MiB/s   peak RSS ${largeRss.peer.toFixed(0)} MiB   (express + multer disk + token SELECT + sha256 + INSERT)`,
    );
    log(
      `  Satchel API            ${L.api.toFixed(0).padStart(5)} MiB/s   peak RSS ${largeRss.api.toFixed(0)} MiB`,
    );
    log(
      `  Satchel API, tus       ${median(tusRates).toFixed(0).padStart(5)} MiB/s   peak RSS ${tusRss.toFixed(0)} MiB   (${TUS_CHUNK_MIB} MiB PATCHes; parts on disk, then hashed into storage)`,
    );
    log(`  Satchel vs peer ${((L.api / L.peer) * 100).toFixed(1)} %`);
    log(
      `  ratio ${(largeRatio * 100).toFixed(1)} % (target ≥ 85 %), API peak RSS ${largeRss.api.toFixed(0)} MiB (target < 150 MiB)`,
    );
    const perMib = {
      api: (largeCpu.api * 1000) / (ROUNDS * LARGE_MIB),
      raw: (largeCpu.raw * 1000) / (ROUNDS * LARGE_MIB),
    };
    const costs = await perByteCosts();
    log(
      `  machine CPU per MiB: raw ${perMib.raw.toFixed(2)} ms, API ${perMib.api.toFixed(2)} ms; of the difference, sha256 costs ${costs.sha.toFixed(2)} ms and multipart parsing ${costs.parse.toFixed(2)} ms (one core)`,
    );
    log(`Small files: ${SMALL_BYTES / 1024} KiB each, ${CONCURRENCY} connections, ${SMALL_SECONDS} s each`);
    for (const [label, s, rss] of [
      ['raw node:http → file', small.raw, smallRss.raw],
      ['textbook peer       ', small.peer, smallRss.peer],
      ['Satchel API         ', small.api, smallRss.api],
    ]) {
      log(
        `  ${label}   ${s.rps.toFixed(0).padStart(5)} req/s   p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   errors ${s.errors}${errorDetail(s)}   (${s.count} requests, ${mib(s.count * SMALL_BYTES).toFixed(0)} MiB)   peak RSS ${rss.toFixed(0)} MiB`,
      );
    }
    log(
      `  ratio ${(smallRatio * 100).toFixed(1)} % (target ≥ 70 %, no errors); Satchel vs peer ${((small.api.rps / small.peer.rps) * 100).toFixed(1)} %`,
    );
    log(
      `  machine CPU per request (servers, PostgreSQL, Redis, client, kernel): raw ${((small.raw.cpu * 1000) / small.raw.count).toFixed(2)} ms, API ${((small.api.cpu * 1000) / small.api.count).toFixed(2)} ms`,
    );
    const encryption = await encryptionPhase(apiServer, token, apiUpload);
    const pass =
      largeRatio >= 0.85 &&
      largeRss.api < 150 &&
      smallRatio >= 0.7 &&
      small.api.errors === 0 &&
      encryption.uploadRatio >= 0.85;
    log('');
    log(pass ? 'All targets met.' : 'Some targets missed.');
    // Measured, not asserted: exit 1 means the run failed; BENCH_STRICT=1 also fails on missed targets.
    process.exitCode = !pass && process.env.BENCH_STRICT === '1' ? 2 : 0;
  } finally {
    agent.destroy();
    apiServer?.child.kill('SIGTERM');
    rawServer?.child.kill('SIGTERM');
    peerServer?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rawDir, { recursive: true, force: true });
    rmSync(peerDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
