import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { waitFor } from '@satchel/testing';
import type { Job, Queue } from 'bullmq';

/** Resolves once none of these queues has a job waiting, delayed or running: "nothing is left to happen". */
export async function queuesIdle(
  app: INestApplicationContext,
  names: string[],
  timeoutMs = 15000,
): Promise<void> {
  const queues = names.map((n) => app.get<Queue>(getQueueToken(n), { strict: false }));
  await waitFor(
    `queues ${names.join(', ')} to be idle`,
    async () => {
      const counts = await Promise.all(
        queues.map((q) => q.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children')),
      );
      return counts.every((c) => Object.values(c).every((n) => n === 0)) ? true : undefined;
    },
    timeoutMs,
    50,
  );
}

/**
 * Resolves with the job once `until` holds for it (e.g. it waits with no worker to take it, or it ran
 * and failed once): the queue's own record of what happened, instead of a pause.
 */
export async function jobWhere(
  app: INestApplicationContext,
  queue: string,
  jobId: string,
  until: (job: Job, state: string) => boolean,
  timeoutMs = 15000,
): Promise<Job> {
  const q = app.get<Queue>(getQueueToken(queue), { strict: false });
  return waitFor(
    `job ${jobId} in ${queue}`,
    async () => {
      const job = await q.getJob(jobId);
      return job && until(job, await job.getState()) ? job : undefined;
    },
    timeoutMs,
    50,
    false,
  );
}
