import sharp from 'sharp';
import { crc32 } from 'node:zlib';

/** A 400×300 JPEG stored sideways (EXIF orientation 6) with a GPS position, like a phone photo. */
export function rotatedPhotoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } },
    })
    .toBuffer();
}

export function solid(width: number, height: number): sharp.Sharp {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } });
}

/** A two-frame animated GIF, 300×200 per frame. */
export function animatedGif(): Promise<Buffer> {
  const frame = (g: number) =>
    sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 0, g, b: 0 } } })
      .raw()
      .toBuffer();
  return Promise.all([frame(50), frame(200)]).then(([a, b]) =>
    sharp(Buffer.concat([a, b]), { raw: { width: 300, height: 400, channels: 3, pageHeight: 200 } })
      .gif({ loop: 0, delay: [100, 100] })
      .toBuffer(),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A tiny PNG whose header claims 60000×60000 pixels (10.8 GB decoded): a "pixel bomb". */
export function pixelBombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60000, 0);
  ihdr.writeUInt32BE(60000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from('789c030000000001', 'hex')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG header followed by garbage: detected as JPEG, undecodable. */
export async function corruptJpeg(): Promise<Buffer> {
  const good = await solid(200, 200).jpeg().toBuffer();
  const bad = Buffer.from(good);
  for (let i = 200; i < bad.length - 2; i++) bad[i] = (i * 7919) & 0xff;
  return bad.subarray(0, Math.floor(bad.length * 0.6));
}
