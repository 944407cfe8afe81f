import { Semaphore } from './semaphore';

const tick = () => new Promise((r) => setImmediate(r));

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once and refuses beyond the queue', async () => {
    const sem = new Semaphore(2, 1, () => new Error('full'));
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const task = () =>
      sem.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running -= 1;
      });
    const a = task();
    const b = task();
    const c = task();
    await expect(task()).rejects.toThrow('full');
    await tick();
    expect(running).toBe(2);
    gates.shift()?.();
    await tick();
    await tick();
    expect(running).toBe(2);
    while (gates.length) gates.shift()?.();
    await tick();
    gates.shift()?.();
    await Promise.all([a, b, c]);
    expect(peak).toBe(2);
  });
});
