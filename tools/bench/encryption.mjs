// Encryption-at-rest section of `npm run bench`: the same API process with the account's
// "encryption at rest" switched on and off between interleaved rounds (large upload, large
// download, small uploads), medians, and the ratio encrypted / plaintext.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU seconds the API process used so far, all its threads (crypto on the thread pool included). */
function processCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** GETs `path` and discards the body; resolves with status, bytes and milliseconds. */
function download(base, path, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(`${base}${path}`, { headers: { authorization: `Token ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () =>
        resolve({ status: res.statusCode, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Jobs waiting or running in the API (previews, text extraction…), from its `/metrics`. */
async function busyJobs(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => /^satchel_queue_jobs\{.*state="(waiting|active|prioritized)"/.test(l))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

/**
 * Waits until the background work an upload started (a PDF's preview and text, which read the file
 * back, decrypting it when encrypted) is done, so it is not counted in the next measurement.
 */
async function settleJobs(base) {
  const until = Date.now() + 120_000;
  while ((await busyJobs(base)) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
}

/**
 * `ctx`: { url, token, apiUpload, largeMib, rounds, smallSeconds, largeUpload, smallUploads, errorDetail, api,
 * settleDisk, log }: the helpers and the running API of bench.mjs.
 */
export async function encryptionBench(ctx) {
  const { url, token, apiUpload, largeMib, rounds, log } = ctx;
  const setEncryption = (on) => ctx.api(url, 'PUT', '/v1/settings/trust', token, { encryptionAtRest: on });
  const modes = [
    ['off', false],
    ['on', true],
  ];
  const up = { on: [], off: [] };
  const down = { on: [], off: [] };
  // Throughput swings with whatever else the machine runs; the API's own CPU per MiB barely does.
  const upCpu = { on: [], off: [] };
  const cpuOf = async (work) => {
    const before = processCpuSeconds(ctx.apiPid);
    const result = await work();
    return { result, ms: ((processCpuSeconds(ctx.apiPid) - before) * 1000) / largeMib };
  };
  for (let round = 1; round <= rounds; round++) {
    for (const [mode, on] of modes) {
      await setEncryption(on);
      ctx.settleDisk();
      const { result: r, ms } = await cpuOf(() => ctx.largeUpload(apiUpload, token, largeMib));
      upCpu[mode].push(ms);
      if (r.status >= 300) throw new Error(`large upload (encryption ${mode}) failed: ${r.status} ${r.body}`);
      const id = JSON.parse(r.body)[0].id;
      up[mode].push(largeMib / (r.ms / 1000));
      await settleJobs(url);
      ctx.settleDisk();
      const d = await download(url, `/v1/attachments/${id}/content`, token);
      if (d.status !== 200 || d.bytes !== largeMib * 1024 * 1024)
        throw new Error(`large download (encryption ${mode}) failed: ${d.status}, ${d.bytes} bytes`);
      down[mode].push(largeMib / (d.ms / 1000));
      log(
        `  encryption ${mode.padEnd(3)} round ${round}: upload ${up[mode].at(-1).toFixed(0)} MiB/s, download ${down[mode].at(-1).toFixed(0)} MiB/s`,
      );
      await ctx.api(url, 'DELETE', `/v1/attachments/${id}`, token);
      await settleJobs(url);
    }
  }
  const small = {};
  for (const [mode, on] of modes) {
    await setEncryption(on);
    ctx.settleDisk();
    small[mode] = await ctx.smallUploads(apiUpload, token, ctx.smallSeconds);
  }
  await setEncryption(true);
  const U = { on: median(up.on), off: median(up.off) };
  const D = { on: median(down.on), off: median(down.off) };
  const C = { on: median(upCpu.on), off: median(upCpu.off) };
  const pct = (a, b) => `${((a / b) * 100).toFixed(1)} %`;
  log('');
  log(
    `Encryption at rest (AES-256-GCM, 256 KiB segments): ${largeMib} MiB, median of ${rounds} interleaved rounds`,
  );
  log(
    `  large upload     off ${U.off.toFixed(0).padStart(5)} MiB/s   on ${U.on.toFixed(0).padStart(5)} MiB/s   ratio ${pct(U.on, U.off)} (target ≥ 85 %)`,
  );
  log(
    `  upload API CPU   off ${C.off.toFixed(1).padStart(5)} ms/MiB  on ${C.on.toFixed(1).padStart(5)} ms/MiB  ratio off/on ${pct(C.off, C.on)} (throughput ratio when CPU-bound)`,
  );
  log(
    `  large download   off ${D.off.toFixed(0).padStart(5)} MiB/s   on ${D.on.toFixed(0).padStart(5)} MiB/s   ratio ${pct(D.on, D.off)}`,
  );
  log(
    `  small uploads    off ${small.off.rps.toFixed(0).padStart(5)} req/s   on ${small.on.rps.toFixed(0).padStart(5)} req/s   ratio ${pct(small.on.rps, small.off.rps)}   errors off ${small.off.errors}${ctx.errorDetail(small.off)}, on ${small.on.errors}${ctx.errorDetail(small.on)}`,
  );
  return {
    uploadRatio: U.on / U.off,
    uploadCpuRatio: C.off / C.on,
    downloadRatio: D.on / D.off,
    smallRatio: small.on.rps / small.off.rps,
  };
}
