import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import { currentRootLogger } from './root-logger';

/** Runs a job's work with its queue, name and id on every log line written meanwhile. */
export function withJobLogs<T>(job: Job, work: () => Promise<T>): Promise<T> {
  // PinoLogger.root is set by the HTTP middleware only: a `--worker` process has no HTTP.
  const parent = storage.getStore()?.logger ?? PinoLogger.root ?? currentRootLogger();
  if (!parent) return work();
  const child = parent.child({ queue: job.queueName, job: job.name, jobId: job.id });
  return storage.run(new Store(child), work);
}
