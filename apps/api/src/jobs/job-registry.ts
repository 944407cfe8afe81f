import type { ConnectionOptions, Job, Processor, Worker, WorkerOptions } from 'bullmq';
import { withJobLogs } from '../logging/job-logs';
import { QUEUE_JOBS, type JobData, type JobName, type QueueName } from './job-map';

export type JobHandler<T> = (job: Job<T>, token?: string) => Promise<unknown>;

export type JobHandlers<Q extends QueueName> = {
  [J in JobName<Q>]: JobHandler<JobData<Q, J>>;
};

/**
 * One queue's worker: a handler for each of its jobs and its worker options. Queues without `lock`
 * or `backoff` keep BullMQ's defaults (30 s lock, built-in backoff types only).
 */
export interface WorkerSpec<Q extends QueueName = QueueName> {
  queue: Q;
  handlers: JobHandlers<Q>;
  concurrency: number;
  /** A worker that dies mid-job loses its lock; after `stalledIntervalMs` another worker takes the job. */
  lock?: { lockDurationMs: number; stalledIntervalMs: number };
  /** Delay before the next try after `attemptsMade` failures, for jobs added with a custom backoff type. */
  backoff?: (attemptsMade: number) => number;
  /** Listens to the started worker's events (failed jobs, ready). */
  listen?: (worker: Worker) => void;
}

/** Type-checks a worker's handlers against the jobs its queue carries. */
export function workerSpec<Q extends QueueName>(spec: WorkerSpec<Q>): WorkerSpec {
  return spec;
}

/**
 * Each job of these queues (by default the queues of `specs`) that no spec handles, as `queue/job`:
 * a queue nobody registered has all its jobs listed.
 */
export function missingHandlers(
  specs: readonly WorkerSpec[],
  queues: readonly QueueName[] = specs.map((s) => s.queue),
): string[] {
  return [...new Set(queues)].flatMap((queue) => {
    const handlers = specs.find((s) => s.queue === queue)?.handlers as Record<string, unknown> | undefined;
    return Object.keys(QUEUE_JOBS[queue])
      .filter((name) => typeof handlers?.[name] !== 'function')
      .map((name) => `${queue}/${name}`);
  });
}

/** Throws at start, naming them, when jobs of the map have no handler (they would never run). */
export function assertHandled(specs: readonly WorkerSpec[], queues?: readonly QueueName[]): void {
  const twice = specs.map((s) => s.queue).filter((q, i, all) => all.indexOf(q) !== i);
  if (twice.length) throw new Error(`Queue(s) registered twice: ${[...new Set(twice)].join(', ')}`);
  const missing = missingHandlers(specs, queues);
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

/** The BullMQ options of a spec's worker on this deployment's connection and key prefix. */
export function workerOptions(
  spec: WorkerSpec,
  bull: { connection: ConnectionOptions; prefix: string },
): WorkerOptions {
  const { backoff, lock } = spec;
  return {
    ...bull,
    concurrency: spec.concurrency,
    ...(lock && { lockDuration: lock.lockDurationMs, stalledInterval: lock.stalledIntervalMs }),
    ...(backoff && { settings: { backoffStrategy: (attemptsMade: number) => backoff(attemptsMade) } }),
  };
}
