import type { Job } from 'bullmq';
import { assertHandled, jobProcessor, missingHandlers, workerSpec, type WorkerSpec } from './job-registry';
import { JOBS, QUEUES } from './queues';

const noop = () => Promise.resolve();

function spec(queue: WorkerSpec['queue'], handlers: Record<string, unknown>): WorkerSpec {
  return { queue, handlers, concurrency: 1, retryScheduleMs: [] };
}

describe('job registry', () => {
  it('fails at start, naming the job, when a job of the map has no handler', () => {
    const specs = [
      workerSpec({
        queue: QUEUES.callbacks,
        handlers: { [JOBS.deliver]: noop },
        concurrency: 1,
        retryScheduleMs: [],
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
});
