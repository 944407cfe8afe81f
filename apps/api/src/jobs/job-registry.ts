import type { Job, Processor } from 'bullmq';
import { withJobLogs } from '../logging/job-logs';
import { QUEUE_JOBS, type JobsOf, type QueueName } from './job-map';

export type JobHandler<T> = (job: Job<T>, token?: string) => Promise<unknown>;

export type JobHandlers<Q extends QueueName> = {
  [J in keyof JobsOf<Q>]: JobHandler<JobsOf<Q>[J]>;
};

/** One queue's worker: a handler for each of its jobs, its concurrency and retry schedule. */
export interface WorkerSpec<Q extends QueueName = QueueName> {
  queue: Q;
  handlers: JobHandlers<Q>;
  concurrency: number;
  retryScheduleMs: number[];
}

/** Type-checks a worker's handlers against the jobs its queue carries. */
export function workerSpec<Q extends QueueName>(spec: WorkerSpec<Q>): WorkerSpec {
  return spec;
}

/** Each job of the map that these workers do not handle, as `queue/job`. */
export function missingHandlers(specs: readonly WorkerSpec[]): string[] {
  return specs.flatMap((s) =>
    Object.keys(QUEUE_JOBS[s.queue])
      .filter((name) => typeof (s.handlers as Record<string, unknown>)[name] !== 'function')
      .map((name) => `${s.queue}/${name}`),
  );
}

/** Throws at start, naming them, when jobs of the map have no handler (they would never run). */
export function assertHandled(specs: readonly WorkerSpec[]): void {
  const missing = missingHandlers(specs);
  if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
}

/** The BullMQ processor of a queue: each job goes to its handler, with its queue, name and id on the logs. */
export function jobProcessor(spec: WorkerSpec): Processor {
  const handlers = spec.handlers as Record<string, JobHandler<unknown> | undefined>;
  return (job: Job, token?: string) =>
    withJobLogs(job, async () => {
      // A job name this version does not know (left in Redis by another version) completes without work.
      const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
      return handler ? handler(job, token) : undefined;
    });
}
