import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface SampleFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

type Rgb = [number, number, number];

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an 8-bit RGB PNG whose pixel at (x, y) is `pixel(x, y)`; `level` is the zlib level. */
function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgb,
  level?: number,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, level === undefined ? {} : { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Serialises numbered PDF objects (object 1 is the catalog) with a valid xref table. */
function encodePdf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A real RGB PNG of `size`×`size` pixels: a diagonal two-colour pattern, so a preview is visible. */
export function samplePng(size = 96): Buffer {
  return encodePng(size, size, (x, y) => ((x + y) % 32 < 16 ? [0, 92, 187] : [255, 196, 0]));
}

/** A valid RGB PNG of the given size filled with one colour (noise makes it big when `noisy`). */
export function pngFile(name: string, width: number, height: number, rgb: Rgb, noisy = false): SampleFile {
  const buffer = encodePng(
    width,
    height,
    (x, y) => {
      const n = noisy ? (x * 7919 + y * 104729) % 97 : 0;
      return [(rgb[0] + n) & 0xff, (rgb[1] + n * 3) & 0xff, (rgb[2] + n * 5) & 0xff];
    },
    noisy ? 0 : 9,
  );
  return { name, mimeType: 'image/png', buffer };
}

/** A real one-page PDF that pdf.js renders, with `text` on the page. */
export function samplePdf(text = 'Satchel test document'): Buffer {
  const stream = `BT /F1 28 Tf 60 700 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  return encodePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A valid PDF with `pages` pages of text (pdf.js renders it; the server's content check accepts it). */
export function pdfFile(name: string, pages: number, padTo = 0): SampleFile {
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 36 Tf 72 700 Td (Satchel page ${i + 1}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  const pdf = encodePdf(objects);
  const padding =
    padTo > pdf.length ? Buffer.from(`%${'x'.repeat(padTo - pdf.length - 2)}\n`, 'latin1') : null;
  return { name, mimeType: 'application/pdf', buffer: padding ? Buffer.concat([pdf, padding]) : pdf };
}
