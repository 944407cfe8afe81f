#!/usr/bin/env node
// Writes `<file>.br` and `<file>.gz` next to every text asset of a built app, so the API serves them
// compressed without compressing on every request: `node tools/scripts/precompress.mjs dist/apps/widget`.
// A variant that would not be smaller than its original is not written.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(?:js|mjs|css|html|svg|json)$/;

function* textFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (TEXT.test(name)) yield path;
  }
}

function write(path, original, compressed) {
  rmSync(path, { force: true });
  if (compressed.length < original.length) writeFileSync(path, compressed);
  return Math.min(compressed.length, original.length);
}

/** Writes the `.br`/`.gz` variants of every text asset under `dir`; logs the totals. */
export function precompressDir(dir) {
  let raw = 0;
  let br = 0;
  let gz = 0;
  for (const file of textFiles(dir)) {
    const data = readFileSync(file);
    raw += data.length;
    br += write(
      `${file}.br`,
      data,
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
    gz += write(`${file}.gz`, data, gzipSync(data, { level: 9 }));
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Precompressed ${dir}: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of process.argv.slice(2)) precompressDir(resolve(dir));
}
