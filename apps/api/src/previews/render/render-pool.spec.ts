import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderPool, RendererCrashedError } from './render-pool';
import { InputRejectedError } from './render-protocol';

/** Stand-in renderers (plain scripts): the pool's limits, not the decoders, are under test. */
const SCRIPTS = {
  hangs: `process.on('message', () => {});`,
  crashes: `process.on('message', () => process.exit(3));`,
  echoes: `process.on('message', (m) => process.send({ id: m.id, ok: true, out: { width: m.input.length, pid: process.pid } }));`,
  hogs: `const keep = []; process.on('message', () => { for (;;) keep.push(new Array(1e6).fill(1)); });`,
};

describe('RenderPool', () => {
  let dir: string;
  const entry = (name: keyof typeof SCRIPTS) => join(dir, `${name}.js`);
  const limits = { maxInputPixels: 1000, timeoutSeconds: 1 };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'render-pool-'));
    for (const [name, code] of Object.entries(SCRIPTS)) writeFileSync(join(dir, `${name}.js`), code);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kills a renderer that overruns the time limit and starts a fresh one for the next file', async () => {
    const pool = new RenderPool({ entry: entry('hangs'), heapMb: 64 });
    try {
      await expect(pool.render('image', new Uint8Array(4), limits)).rejects.toThrow(
        new InputRejectedError('Rendering took longer than 1 s'),
      );
      await expect(pool.render('image', new Uint8Array(4), limits)).rejects.toBeInstanceOf(
        InputRejectedError,
      );
    } finally {
      await pool.close();
    }
  });

  it('reports a renderer that dies mid-render as a crash (worth a retry), then recovers', async () => {
    const crashing = new RenderPool({ entry: entry('crashes'), heapMb: 64 });
    await expect(crashing.render('pdf', new Uint8Array(1), limits)).rejects.toThrow(RendererCrashedError);
    await expect(crashing.render('pdf', new Uint8Array(1), limits)).rejects.toThrow('code 3');
    await crashing.close();
  });

  it('stops a renderer at its heap limit without harming this process', async () => {
    const pool = new RenderPool({ entry: entry('hogs'), heapMb: 64 });
    const before = process.memoryUsage.rss();
    const hog = pool.render('image', new Uint8Array(1), { ...limits, timeoutSeconds: 60 });
    await expect(hog).rejects.toThrow(RendererCrashedError);
    await expect(hog).rejects.toThrow('out of memory');
    expect(process.memoryUsage.rss() - before).toBeLessThan(50 * 1024 * 1024);
    await pool.close();
  });

  it('keeps one renderer process across files and answers each in order', async () => {
    const pool = new RenderPool({ entry: entry('echoes'), heapMb: 64 });
    const outs = await Promise.all([1, 2, 3].map((n) => pool.render('image', new Uint8Array(n), limits)));
    expect(outs.map((o) => o.width)).toEqual([1, 2, 3]);
    expect(new Set(outs.map((o) => (o as unknown as { pid: number }).pid)).size).toBe(1);
    await pool.close();
  });
});
