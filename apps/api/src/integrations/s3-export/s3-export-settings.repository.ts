import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SETTINGS_CACHE_MS, TtlCache } from '../../common/cache/ttl-cache';
import { S3ExportSettingsEntity } from './s3-export-settings.entity';

const DEFAULTS: Omit<S3ExportSettingsEntity, 'accountId'> = {
  disabled: true,
  enabledAt: null,
  accessKeyIdSealed: null,
  accessKeyIdLast4: null,
  secretAccessKeySealed: null,
  secretAccessKeyLast4: null,
  region: 'us-east-1',
  bucket: null,
  folder: '',
  endpoint: null,
  updatedAt: new Date(0),
};

@Injectable()
export class S3ExportSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(S3ExportSettingsEntity);
  }

  private readonly cache = new TtlCache<S3ExportSettingsEntity | null>(SETTINGS_CACHE_MS);

  find(accountId: string): Promise<S3ExportSettingsEntity | null> {
    return this.repo.findOneBy({ accountId });
  }

  /** For the per-upload path: may be up to SETTINGS_CACHE_MS old when another process changed it. */
  findCached(accountId: string): Promise<S3ExportSettingsEntity | null> {
    return this.cache.get(accountId, () => this.find(accountId));
  }

  async save(accountId: string, patch: Partial<S3ExportSettingsEntity>): Promise<S3ExportSettingsEntity> {
    const current = (await this.find(accountId)) ?? { ...DEFAULTS, accountId };
    const saved = await this.repo.save(
      this.repo.create({ ...current, ...patch, accountId, updatedAt: new Date() }),
    );
    this.cache.delete(accountId);
    return saved;
  }

  /** Accounts exporting right now (for reconciliation). */
  listEnabled(): Promise<S3ExportSettingsEntity[]> {
    return this.repo
      .createQueryBuilder('s')
      .where('NOT s.disabled AND s.bucket IS NOT NULL AND s.secretAccessKeySealed IS NOT NULL')
      .getMany();
  }

  /** Every account with stored S3 credentials (for the start-up key check). */
  listWithSecret(): Promise<S3ExportSettingsEntity[]> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.accessKeyIdSealed IS NOT NULL OR s.secretAccessKeySealed IS NOT NULL')
      .getMany();
  }
}
