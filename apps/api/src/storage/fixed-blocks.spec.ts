import { Readable } from 'node:stream';
import { fixedBlocks } from './fixed-blocks';

const collect = async (chunks: Buffer[], size: number) => {
  const out: Buffer[] = [];
  for await (const b of fixedBlocks(Readable.from(chunks, { objectMode: true }), size)) out.push(b);
  return out;
};

describe('fixedBlocks', () => {
  it('regroups uneven chunks into blocks of the given size, the last one shorter', async () => {
    const bytes = Buffer.from(Array.from({ length: 23 }, (_, i) => i));
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 15), bytes.subarray(15, 16), bytes.subarray(16)];
    const blocks = await collect(chunks, 5);
    expect(blocks.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(Buffer.concat(blocks)).toEqual(bytes);
  });

  it('yields nothing for an empty body and no empty tail for an exact multiple', async () => {
    expect(await collect([], 4)).toEqual([]);
    expect((await collect([Buffer.alloc(8)], 4)).map((b) => b.length)).toEqual([4, 4]);
  });
});
