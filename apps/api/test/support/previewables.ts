import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, createDeflate } from 'node:zlib';
import { rotatedPhotoWithGps } from './images';

const run = promisify(execFile);

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-fixture-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A real HEIC (HEVC) photo made from the sideways phone-style JPEG with libheif's encoder. */
export function heicPhoto(): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const jpg = join(dir, 'in.jpg');
    await writeFile(jpg, await rotatedPhotoWithGps());
    await run('heif-enc', ['-q', '60', '-o', join(dir, 'out.heic'), jpg]);
    return readFile(join(dir, 'out.heic'));
  });
}

/** A 3-second 320×240 H.264 MP4 from ffmpeg's test pattern. */
export function mp4Clip(): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const out = join(dir, 'clip.mp4');
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=3:size=320x240:rate=10',
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'libx264',
      '-y',
      out,
    ]);
    return readFile(out);
  });
}

/**
 * A hand-written PDF of `pages` US-letter pages (612×792 pt), each a coloured rectangle, with an
 * OpenAction script that a renderer must not run.
 */
export function multiPagePdf(pages = 3): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const tree = add('');
  const kids: number[] = [];
  for (let i = 0; i < pages; i++) {
    const stream = `${0.2 + 0.3 * i} 0.3 0.8 rg 72 72 468 648 re f`;
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] =
    `<< /Type /Catalog /Pages ${tree} 0 R /OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >> >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A decompression bomb: a small PNG whose zlib stream really inflates to 400 MB of pixels
 * (20000 × 20000 grey), not just a header that claims it.
 */
export async function zlibBombPng(side = 20000): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = 512;
  const block = Buffer.alloc((side + 1) * rows);
  const idat = await buffer(
    Readable.from(
      (function* () {
        for (let r = 0; r < side; r += rows) yield block.subarray(0, (side + 1) * Math.min(rows, side - r));
      })(),
    ).pipe(createDeflate({ level: 9 })),
  );
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
