import { PassThrough } from 'node:stream';
import { watchForStall } from './stall-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchForStall', () => {
  const flowing = () => {
    const body = new PassThrough();
    body.resume();
    return body;
  };

  it('fires when a flowing body delivers nothing for the window', async () => {
    let stalled = 0;
    watchForStall(flowing(), { ms: 100, minBytes: 1 }, () => stalled++);
    await sleep(250);
    expect(stalled).toBe(1);
  });

  it('fires when a body trickles fewer bytes than the minimum per window', async () => {
    const body = flowing();
    let stalled = 0;
    watchForStall(body, { ms: 150, minBytes: 1024 }, () => stalled++);
    for (let i = 0; i < 8; i++) {
      body.write(Buffer.alloc(10));
      await sleep(40);
    }
    expect(stalled).toBe(1);
  });

  it('does not fire while the body keeps moving, nor after it ends', async () => {
    const body = flowing();
    let stalled = 0;
    watchForStall(body, { ms: 300, minBytes: 1024 }, () => stalled++);
    for (let i = 0; i < 12; i++) {
      body.write(Buffer.alloc(2048));
      await sleep(40);
    }
    body.end();
    await sleep(500);
    expect(stalled).toBe(0);
  });

  it('does not count time the body is paused by backpressure', async () => {
    const body = flowing();
    let stalled = 0;
    watchForStall(body, { ms: 100, minBytes: 1 }, () => stalled++);
    body.pause();
    await sleep(300);
    expect(stalled).toBe(0);
    body.resume();
    await sleep(250);
    expect(stalled).toBe(1);
  });

  it('stops watching when told to', async () => {
    let stalled = 0;
    const stop = watchForStall(flowing(), { ms: 100, minBytes: 1 }, () => stalled++);
    stop();
    await sleep(200);
    expect(stalled).toBe(0);
  });
});
