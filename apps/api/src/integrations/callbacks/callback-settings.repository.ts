import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SETTINGS_CACHE_MS, TtlCache } from '../../common/cache/ttl-cache';
import { CallbackSettingsEntity } from './callback-settings.entity';

const DEFAULTS: Omit<CallbackSettingsEntity, 'accountId'> = {
  enabled: false,
  url: null,
  enabledAt: null,
  eventsEnabled: false,
  eventsUrl: null,
  eventTypes: [],
  secretSealed: null,
  secretLast4: null,
  secretCreatedAt: null,
  updatedAt: new Date(0),
};

@Injectable()
export class CallbackSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(CallbackSettingsEntity);
  }

  private readonly cache = new TtlCache<CallbackSettingsEntity | null>(SETTINGS_CACHE_MS);

  find(accountId: string): Promise<CallbackSettingsEntity | null> {
    return this.repo.findOneBy({ accountId });
  }

  /** For the per-upload path: may be up to SETTINGS_CACHE_MS old when another process changed it. */
  findCached(accountId: string): Promise<CallbackSettingsEntity | null> {
    return this.cache.get(accountId, () => this.find(accountId));
  }

  async save(accountId: string, patch: Partial<CallbackSettingsEntity>): Promise<CallbackSettingsEntity> {
    const current = (await this.find(accountId)) ?? { ...DEFAULTS, accountId };
    const saved = await this.repo.save(
      this.repo.create({ ...current, ...patch, accountId, updatedAt: new Date() }),
    );
    this.cache.delete(accountId);
    return saved;
  }

  /** Accounts whose file callback is on (for reconciliation). */
  listEnabled(): Promise<CallbackSettingsEntity[]> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.enabled AND s.url IS NOT NULL AND s.secretSealed IS NOT NULL')
      .getMany();
  }

  /** Every account with a stored signing secret (for the start-up key check). */
  listWithSecret(): Promise<CallbackSettingsEntity[]> {
    return this.repo.createQueryBuilder('s').where('s.secretSealed IS NOT NULL').getMany();
  }
}
