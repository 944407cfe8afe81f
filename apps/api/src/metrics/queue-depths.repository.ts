import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { bullOptions } from '../jobs/bull-options';
import { QUEUES } from '../jobs/queues';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

export interface QueueDepth {
  queue: string;
  state: (typeof STATES)[number];
  count: number;
}

/** Job counts of every BullMQ queue, read from Redis when metrics are scraped. */
@Injectable()
export class QueueDepthsRepository implements OnModuleDestroy {
  private readonly queues: Queue[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queues = Object.values(QUEUES).map((name) => new Queue(name, bullOptions(config)));
  }

  async depths(): Promise<QueueDepth[]> {
    const all = await Promise.all(
      this.queues.map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })),
    );
    return all.flatMap(({ queue, counts }) =>
      STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 })),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
