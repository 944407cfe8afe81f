import type { Job } from 'bullmq';
import {
  assertHandled,
  jobProcessor,
  missingHandlers,
  workerOptions,
  workerSpec,
  type WorkerSpec,
} from './job-registry';
import type { JobQueue } from './job-queue';
import { JOBS, QUEUES } from './queues';

const noop = () => Promise.resolve();

function spec(queue: WorkerSpec['queue'], handlers: Record<string, unknown>): WorkerSpec {
  return { queue, handlers, concurrency: 1 };
}

describe('job registry', () => {
  it('fails at start, naming the job, when a job of the map has no handler', () => {
    const specs = [
      workerSpec({
        queue: QUEUES.callbacks,
        handlers: { [JOBS.deliver]: noop },
        concurrency: 1,
      }),
      spec(QUEUES.integrations, {}),
    ];
    expect(missingHandlers(specs)).toEqual(['integrations/reconcile-deliveries']);
    expect(() => assertHandled(specs)).toThrow(
      'No handler registered for job(s): integrations/reconcile-deliveries',
    );
  });

  it('starts when every job of the map has a handler', () => {
    expect(() =>
      assertHandled([
        spec(QUEUES.callbacks, { [JOBS.deliver]: noop }),
        spec(QUEUES.integrations, { [JOBS.reconcileDeliveries]: noop }),
      ]),
    ).not.toThrow();
  });

  it('routes each job to the handler of its name and completes unknown names without work', async () => {
    const deliver = jest.fn(() => Promise.resolve('done'));
    const run = jobProcessor(spec(QUEUES.callbacks, { [JOBS.deliver]: deliver }));
    const job = (name: string) => ({ name, queueName: QUEUES.callbacks, id: '1', data: {} }) as Job;
    await expect(run(job(JOBS.deliver))).resolves.toBe('done');
    await expect(run(job('something-else'))).resolves.toBeUndefined();
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('fails at start for a queue outside the integrations too, naming the job without handler', () => {
    const previews = spec(QUEUES.previews, { [JOBS.generatePreview]: noop });
    expect(() => assertHandled([previews])).toThrow(
      'No handler registered for job(s): previews/previews.backfill',
    );
  });

  it('lists every job of a queue of the map that no processor registered', () => {
    const specs = [spec(QUEUES.mail, { [JOBS.sendMail]: noop, [JOBS.notifyOperator]: noop })];
    expect(missingHandlers(specs, [QUEUES.mail, QUEUES.texts, QUEUES.retention])).toEqual([
      'texts/texts.extract',
      'texts/texts.reindex',
      'retention/retention.sweep',
    ]);
    expect(() => assertHandled(specs, [QUEUES.mail])).not.toThrow();
  });

  it('fails at start when two processors register the same queue', () => {
    const texts = spec(QUEUES.texts, { [JOBS.extractText]: noop });
    expect(() => assertHandled([texts, texts])).toThrow('Queue(s) registered twice: texts');
  });

  it("keeps BullMQ's lock and backoff unless the queue sets its own", () => {
    const bull = { connection: {}, prefix: 'p:bull' };
    const plain = spec(QUEUES.scans, { [JOBS.scanUpload]: noop });
    expect(workerOptions({ ...plain, concurrency: 2 }, bull)).toEqual({ ...bull, concurrency: 2 });
    const tuned = workerOptions(
      { ...plain, lock: { lockDurationMs: 1000, stalledIntervalMs: 500 }, backoff: (n) => n * 10 },
      bull,
    );
    expect(tuned).toMatchObject({ concurrency: 1, lockDuration: 1000, stalledInterval: 500 });
    expect(tuned.settings?.backoffStrategy?.(3, 'custom')).toBe(30);
  });

  it('type-checks handlers and producers against the map (the expected errors are compile errors)', () => {
    workerSpec({
      queue: QUEUES.texts,
      // @ts-expect-error the queue's job has no handler
      handlers: {},
      concurrency: 1,
    });
    workerSpec({
      queue: QUEUES.texts,
      // @ts-expect-error the handler takes another job's payload
      handlers: { [JOBS.extractText]: (job: Job<{ userId: string }>) => Promise.resolve(job.data.userId) },
      concurrency: 1,
    });
    const produce = (texts: JobQueue<typeof QUEUES.texts>) => [
      texts.add(JOBS.extractText, { attachmentId: 'a' }),
      // @ts-expect-error a payload of another shape
      texts.add(JOBS.extractText, { userId: 'u' }),
      // @ts-expect-error a job of another queue
      texts.add(JOBS.sendMail, { attachmentId: 'a' }),
    ];
    expect(typeof produce).toBe('function');
  });
});
