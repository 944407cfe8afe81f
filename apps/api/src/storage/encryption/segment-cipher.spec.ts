import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { StorageIntegrityError } from '../storage.errors';
import { decryptSegments, SegmentOpener, SegmentSealer } from './segment-cipher';
import { HEADER_BYTES, MAGIC, type SegmentHeader } from './segment-format';

const key = Buffer.alloc(32, 7);
const raw = Buffer.alloc(HEADER_BYTES);
MAGIC.copy(raw, 0);
raw.writeUInt32BE(1000, MAGIC.length);
Buffer.from('abcdefg').copy(raw, MAGIC.length + 4);
const header: SegmentHeader = { segmentBytes: 1000, noncePrefix: raw.subarray(MAGIC.length + 4), raw };
const plain = Buffer.from(Array.from({ length: 3500 }, (_, i) => (i * 31) & 255));

const chunked = (bytes: Buffer, size: number) => {
  const parts: Buffer[] = [];
  for (let o = 0; o < bytes.length; o += size) parts.push(bytes.subarray(o, o + size));
  return Readable.from(parts, { objectMode: false });
};
const seal = (bytes: Buffer, chunk = 333) =>
  buffer(chunked(bytes, chunk).pipe(new SegmentSealer(key, header)));
const open = (sealed: Buffer, chunk: number) =>
  buffer(
    chunked(sealed, chunk).pipe(
      new SegmentOpener({ key, header, firstIndex: 0, toEnd: true, objectKey: 'k', skipBytes: HEADER_BYTES }),
    ),
  );
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('segment cipher', () => {
  // Written by the first release (async-generator sealer): stored objects must keep opening.
  it.each([
    [0, 35, '2fbe910e70d8063f7f8aac0d8bed15cc3ceb313d1824bef923f7e07d4d26a37d'],
    [1000, 1035, 'efdcafa527c7dc9c28631f86abcecdd89d204cb9a0f3e4981c2a0455d53fd149'],
    [3500, 3583, '8fb50529fa7872a89f9e9ac541ed59aa7aa1a4792afafaf410b5f97a7ccd15af'],
  ])('seals %i bytes exactly as stored objects were sealed', async (n, size, digest) => {
    for (const chunk of [1, 333, 1000, 4096]) {
      const sealed = await seal(plain.subarray(0, n), chunk);
      expect(sealed.length).toBe(size);
      expect(sha(sealed)).toBe(digest);
    }
  });

  it('opens whatever the chunking, and the range path opens the same segments', async () => {
    const sealed = await seal(plain);
    for (const chunk of [1, 7, 1016, 1017, 5000])
      expect((await open(sealed, chunk)).equals(plain)).toBe(true);
    const parts: Buffer[] = [];
    const body = chunked(sealed.subarray(HEADER_BYTES), 999);
    for await (const p of decryptSegments(body, { key, header, firstIndex: 0, toEnd: true, objectKey: 'k' }))
      parts.push(p);
    expect(Buffer.concat(parts).equals(plain)).toBe(true);
  });

  it('refuses a flipped byte and an object cut at a segment border', async () => {
    const sealed = await seal(plain);
    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + 1500] ^= 1;
    await expect(open(flipped, 4096)).rejects.toBeInstanceOf(StorageIntegrityError);
    const cut = sealed.subarray(0, HEADER_BYTES + 2 * 1016);
    await expect(open(cut, 4096)).rejects.toBeInstanceOf(StorageIntegrityError);
  });
});
