import type { AttachmentDto } from '@satchel/contracts';
import { ApiError } from './http-error';
import { UploadQueue, type QueuedUpload, type UploadQueueOptions } from './upload-queue';
import type { UploadJob, UploadTransport } from './upload-transport';
import { UploadAborted } from './xhr-upload';

/** A transport the test drives: each `send` waits until the test answers it. */
class FakeTransport implements UploadTransport {
  jobs: UploadJob[] = [];
  discarded: string[] = [];
  private answers: { ok: (a: AttachmentDto) => void; fail: (e: unknown) => void }[] = [];
  constructor(readonly resumable: boolean) {}

  send(job: UploadJob): Promise<AttachmentDto> {
    this.jobs.push(job);
    return new Promise((ok, fail) => {
      this.answers.push({ ok, fail });
      job.signal.addEventListener('abort', () => fail(new UploadAborted()));
    });
  }
  discard(key: string): Promise<void> {
    this.discarded.push(key);
    return Promise.resolve();
  }
  succeed(id = 'att-1'): void {
    this.answers.shift()?.ok({ id } as AttachmentDto);
  }
  fail(err: unknown): void {
    this.answers.shift()?.fail(err);
  }
}

const MB = 1024 * 1024;
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(extra: Partial<UploadQueueOptions> = {}) {
  const multipart = new FakeTransport(false);
  const tus = new FakeTransport(true);
  const states: string[] = [];
  const removed: string[] = [];
  let tusLoads = 0;
  const queue = new UploadQueue({
    multipart,
    tus: () => {
      tusLoads++;
      return Promise.resolve(tus);
    },
    retryDelaysMs: [5, 5],
    onChange: (u: QueuedUpload) => states.push(u.state),
    onRemove: (u) => removed.push(u.id),
    ...extra,
  });
  return { queue, multipart, tus, states, removed, tusLoads: () => tusLoads };
}

describe('UploadQueue', () => {
  it('sends small files as multipart with a stable idempotency key, large ones through tus loaded on demand', async () => {
    const { queue, multipart, tus, tusLoads } = setup({ thresholdBytes: 1 * MB });
    const small = queue.add(new Blob([new Uint8Array(10)]), { name: 'a.pdf' });
    const large = queue.add(new Blob([new Uint8Array(2 * MB)]), { name: 'b.mp4', meta: { chatId: 'c1' } });
    expect([small.resumable, large.resumable]).toEqual([false, true]);

    const a = queue.start(small.id);
    await flush();
    expect(tusLoads()).toBe(0);
    multipart.succeed('s1');
    expect((await a)?.attachment?.id).toBe('s1');

    const b = queue.start(large.id);
    await flush();
    expect(tusLoads()).toBe(1);
    expect(tus.jobs[0]).toMatchObject({ name: 'b.mp4', meta: { chatId: 'c1' }, key: large.key });
    tus.succeed('l1');
    expect((await b)?.state).toBe('done');
  });

  it('reports progress with speed and time left', async () => {
    let now = 0;
    const { queue, multipart } = setup({ now: () => now });
    const u = queue.add(new Blob([new Uint8Array(1000)]), { name: 'a.pdf' });
    void queue.start(u.id);
    await flush();
    const job = multipart.jobs[0];
    job.onProgress(0);
    now = 1000;
    job.onProgress(200);
    expect(u).toMatchObject({ loaded: 200, speed: 200, eta: 4 });
  });

  it('retries a dropped connection with the same key, then succeeds', async () => {
    const { queue, multipart } = setup();
    const u = queue.add(new Blob(['x']), { name: 'a.pdf' });
    const run = queue.start(u.id);
    await flush();
    multipart.fail(new ApiError(0, 'network'));
    await new Promise((r) => setTimeout(r, 20));
    expect(multipart.jobs).toHaveLength(2);
    expect(multipart.jobs[1]?.key).toBe(multipart.jobs[0]?.key);
    multipart.succeed();
    expect((await run)?.state).toBe('done');
  });

  it('waits for the network when offline, without retrying', async () => {
    const { queue, multipart } = setup({ online: () => false });
    const u = queue.add(new Blob(['x']), { name: 'a.pdf' });
    const run = queue.start(u.id);
    await flush();
    multipart.fail(new ApiError(0, 'network'));
    expect((await run)?.state).toBe('waiting');
    expect(multipart.jobs).toHaveLength(1);
  });

  it('fails at once on a refusal (not retryable) and on a server error (retryable by hand)', async () => {
    const { queue, multipart } = setup();
    const refused = queue.add(new Blob(['x']), { name: 'a.exe' });
    const run = queue.start(refused.id);
    await flush();
    multipart.fail(new ApiError(415, 'type'));
    expect(await run).toMatchObject({ state: 'failed', retryable: false });

    const down = queue.add(new Blob(['x']), { name: 'b.pdf' });
    const again = queue.start(down.id);
    await flush();
    multipart.fail(new ApiError(503, 'down'));
    expect(await again).toMatchObject({ state: 'failed', retryable: true });
    expect(multipart.jobs).toHaveLength(2);
  });

  it('aborts a stalled attempt and retries it', async () => {
    const { queue, multipart } = setup({ stallMs: 10 });
    const u = queue.add(new Blob(['x']), { name: 'a.pdf' });
    const run = queue.start(u.id);
    await new Promise((r) => setTimeout(r, 40));
    expect(multipart.jobs.length).toBeGreaterThanOrEqual(2);
    expect(multipart.jobs[0]?.signal.reason).toBe('stall');
    multipart.succeed();
    await run;
  });

  it('pauses and resumes a tus upload, and cancels it with the server-side part', async () => {
    const { queue, tus, removed } = setup({ thresholdBytes: 1 });
    const u = queue.add(new Blob(['big file']), { name: 'v.mp4' });
    const run = queue.start(u.id);
    await flush();
    queue.pause(u.id);
    expect((await run)?.state).toBe('paused');
    expect(tus.jobs[0]?.signal.reason).toBe('pause');

    const resumed = queue.resume(u.id);
    await flush();
    expect(u.state).toBe('uploading');
    expect(tus.jobs[1]?.key).toBe(u.key);
    queue.pause(u.id);
    await resumed;

    await queue.cancel(u.id);
    expect(tus.discarded).toEqual([u.key]);
    expect(removed).toEqual([u.id]);
    expect(queue.get(u.id)).toBeUndefined();
  });

  it('cancels a running upload through its signal', async () => {
    const { queue, multipart, removed } = setup();
    const u = queue.add(new Blob(['x']), { name: 'a.pdf' });
    void queue.start(u.id);
    await flush();
    queue.pause(u.id); // a multipart upload cannot pause: nothing happens
    expect(u.state).toBe('uploading');
    await queue.cancel(u.id);
    expect(multipart.jobs[0]?.signal.reason).toBe('cancel');
    expect(removed).toEqual([u.id]);
  });

  it('keeps refused files out of sending', async () => {
    const { queue, multipart } = setup();
    const u = queue.add(new Blob(['x']), { name: 'a.exe' });
    queue.refuse(u.id, 'not allowed');
    expect(u).toMatchObject({ state: 'refused', reason: 'not allowed' });
    await queue.start(u.id);
    expect(multipart.jobs).toHaveLength(0);
    queue.refuse(u.id, null);
    expect(u.state).toBe('ready');
  });
});
