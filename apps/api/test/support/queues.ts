import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { waitFor } from '@satchel/testing';
import type { Queue } from 'bullmq';

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
