import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
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
  private readonly log = new Logger('Metrics');
  /** Opened at the first scrape: a process nobody scrapes holds no extra Redis connections. */
  private queues?: Queue[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async depths(): Promise<QueueDepth[]> {
    const all = await Promise.all(
      this.open().map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })),
    );
    return all.flatMap(({ queue, counts }) =>
      STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 })),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all((this.queues ?? []).map((q) => q.close()));
  }

  private open(): Queue[] {
    this.queues ??= Object.values(QUEUES).map((name) => {
      const q = new Queue(name, bullOptions(this.config));
      // Redis down is reported by /health; a scrape then fails, the process must not.
      q.on('error', (err) => this.log.debug(`queue ${name}: ${err.message}`));
      return q;
    });
    return this.queues;
  }
}
