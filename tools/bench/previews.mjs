#!/usr/bin/env node
// Preview benchmark: 12-megapixel JPEGs through the preview renderer process (what the
// `previews.generate` job calls: IPC to the isolated renderer, one decode, WebP 1280 + 256 +
// placeholder) vs bare sharp in one process (WebP 1280 + 256 from each JPEG), in one run.
//   npm run bench:previews          (builds the API first if dist/apps/api/preview-renderer.js is missing)
//   BENCH_IMAGES=12 BENCH_ROUNDS=3 npm run bench:previews
// Prints images/s, p99 latency and peak RSS of both, and the ratio. Exits 0 when the run
// completed, 1 when it failed, 2 with BENCH_STRICT=1 when the pipeline kept < 80 % of bare sharp.
import { execSync, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const RENDERER = join(ROOT, 'dist/apps/api/preview-renderer.js');
const IMAGES = Number(process.env.BENCH_IMAGES ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LIMITS = { maxInputPixels: 50_000_000, timeoutSeconds: 60 };
const log = (...a) => console.log(...a);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const peakRssMib = (pid) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** Runs `script` (ESM source) in a fresh Node process that answers `{ id, ... }` to each message. */
function spawnNode(entry, args = []) {
  const child = fork(entry, args, {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  child.on('message', (m) => waiting.get(m.id)?.(m));
  let next = 1;
  return {
    pid: child.pid,
    ask(msg) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.send({ ...msg, id });
      });
    },
    stop: () => child.kill(),
  };
}

/** 4000×3000 photos with grain (so JPEG has real work to do), ~3 MB each. */
async function makeJpegs(sharp) {
  const out = [];
  for (let i = 0; i < IMAGES; i++) {
    const base = sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        noise: { type: 'gaussian', mean: 90 + i * 8, sigma: 40 },
      },
    });
    out.push(
      await base
        .jpeg({ quality: 88 })
        .withMetadata({ orientation: 1 + (i % 8) })
        .toBuffer(),
    );
  }
  return out;
}

async function measure(name, pid, jpegs, renderOne) {
  const latencies = [];
  const started = performance.now();
  for (let r = 0; r < ROUNDS; r++)
    for (const jpeg of jpegs) {
      const t = performance.now();
      await renderOne(jpeg);
      latencies.push(performance.now() - t);
    }
  const seconds = (performance.now() - started) / 1000;
  return {
    name,
    perSecond: latencies.length / seconds,
    p99: percentile(latencies, 99),
    peakRss: peakRssMib(pid),
  };
}

async function main() {
  if (!existsSync(RENDERER))
    execSync('npx nx run api:build --outputStyle=static', { cwd: ROOT, stdio: 'inherit' });
  const { default: sharp } = await import('sharp');
  log(`Making ${IMAGES} 12-megapixel JPEGs…`);
  const jpegs = await makeJpegs(sharp);
  log(
    `  ${(jpegs.reduce((n, b) => n + b.length, 0) / IMAGES / 1048576).toFixed(1)} MiB each; ${ROUNDS} rounds\n`,
  );

  const bare = spawnNode(join(ROOT, 'tools/bench/previews-bare-sharp.mjs'));
  const renderer = spawnNode(RENDERER);
  try {
    // One warm-up image each (library load, WASM/JIT), not measured.
    await bare.ask({ input: jpegs[0] });
    await renderer.ask({ kind: 'image', input: jpegs[0], limits: LIMITS });
    const check = (m) => {
      if (m.ok === false) throw new Error(m.message);
    };
    const base = await measure('bare sharp (one process)', bare.pid, jpegs, async (input) =>
      check(await bare.ask({ input })),
    );
    const pipe = await measure('pipeline (renderer process)', renderer.pid, jpegs, async (input) =>
      check(await renderer.ask({ kind: 'image', input, limits: LIMITS })),
    );
    log('| | images/s | p99 (ms) | peak RSS (MiB) |');
    log('|---|---|---|---|');
    for (const r of [base, pipe])
      log(`| ${r.name} | ${r.perSecond.toFixed(2)} | ${r.p99.toFixed(0)} | ${r.peakRss.toFixed(0)} |`);
    const ratio = pipe.perSecond / base.perSecond;
    log(`\nPipeline / bare sharp: ${(ratio * 100).toFixed(0)} % of the images/s (target ≥ 80 %)`);
    if (process.env.BENCH_STRICT === '1' && ratio < 0.8) process.exitCode = 2;
  } finally {
    bare.stop();
    renderer.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
