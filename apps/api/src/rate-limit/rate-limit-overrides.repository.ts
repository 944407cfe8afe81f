import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Limit } from './rate-limit.policies';
import { RateLimitOverrideEntity } from './rate-limit-override.entity';

@Injectable()
export class RateLimitOverridesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(accountId: string): Promise<RateLimitOverrideEntity[]> {
    return this.db.getRepository(RateLimitOverrideEntity).findBy({ accountId });
  }

  /** Sets (limit) or removes (null) each policy's override in one transaction. */
  async apply(accountId: string, changes: [string, Limit | null][]): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(RateLimitOverrideEntity);
      for (const [policy, limit] of changes) {
        if (limit) await repo.upsert({ accountId, policy, ...limit }, ['accountId', 'policy']);
        else await repo.delete({ accountId, policy });
      }
    });
  }
}
