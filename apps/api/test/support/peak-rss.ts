import { Readable } from 'node:stream';

/** `size` bytes from one repeated 1 MiB block: a large body that costs no memory of its own. */
export function repeatedBody(size: number, block = Buffer.alloc(1024 * 1024, 0x5a)): Readable {
  let left = size;
  return new Readable({
    read() {
      const n = Math.min(left, block.length);
      left -= n;
      this.push(n > 0 ? block.subarray(0, n) : null);
    },
  });
}

/** Runs `work` while sampling this process's RSS; returns how far the peak rose above the start. */
export async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss()) - start;
}
