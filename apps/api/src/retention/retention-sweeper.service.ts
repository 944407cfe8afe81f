import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { REDIS } from '../redis/redis.module';
import { FileRemover } from './file-remover.service';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionRepository } from './retention.repository';

const BATCH = 200;

export interface SweepResult {
  expired: number;
  unused: number;
  /** False when another worker was sweeping: this run did nothing. */
  ran: boolean;
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One retention pass: expired files (with previews, objects and a tombstone), unused uploads after
 * their grace period, and today's storage figure. Upload temp leftovers are local to each machine,
 * so `TempSweeper` keeps sweeping them in every process on its own timer, not in this shared job. One runner
 * at a time across workers (a Redis lock); rows are claimed with `SKIP LOCKED` besides, so even two
 * passes at once remove each file once.
 */
@Injectable()
export class RetentionSweeper {
  private readonly log = new Logger('Retention');

  constructor(
    private readonly rows: RetentionRepository,
    private readonly settings: RetentionSettingsService,
    private readonly remover: FileRemover,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scheduled job: skipped when another worker holds the lock. */
  async run(): Promise<SweepResult> {
    const key = `${this.config.redis.queuePrefix}:retention:sweep-lock`;
    const token = randomUUID();
    const ttl = Math.max(this.config.retention.sweepIntervalMs * 5, 60_000);
    if ((await this.redis.set(key, token, 'PX', ttl, 'NX')) !== 'OK') {
      return { expired: 0, unused: 0, ran: false };
    }
    try {
      return await this.sweep();
    } finally {
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  /** One pass without the lock (row claims alone keep concurrent passes from removing a file twice). */
  async sweep(): Promise<SweepResult> {
    const expired = await this.sweepExpired();
    const unused = await this.sweepUnused();
    await this.rows.recordUsage();
    if (expired || unused) this.log.log(`Removed ${expired} expired and ${unused} unused file(s)`);
    return { expired, unused, ran: true };
  }

  private async sweepExpired(): Promise<number> {
    let total = 0;
    for (const account of await this.rows.accounts()) {
      if (account.legalHold) continue;
      const query = this.settings.dueQuery(account.accountId, account.policy, 0);
      if (!query) continue;
      for (;;) {
        const batch = await this.rows.claimDue(query, BATCH, 'retention');
        await this.remover.purge(batch, 'retention', { tombstoned: true });
        total += batch.length;
        if (batch.length < BATCH) break;
      }
    }
    return total;
  }

  private async sweepUnused(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.rows.claimUnused(this.config.retention.unusedGraceMs, BATCH);
      await this.remover.purge(batch, 'unused', { tombstoned: false });
      total += batch.length;
      if (batch.length < BATCH) return total;
    }
  }
}
