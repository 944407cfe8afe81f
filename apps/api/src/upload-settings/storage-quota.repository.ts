import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StorageQuotaEntity } from './storage-quota.entity';

/** Quotas and what an account stores now (live files; expired tombstones hold no bytes). */
@Injectable()
export class StorageQuotaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(accountId: string): Promise<StorageQuotaEntity | null> {
    return this.db.getRepository(StorageQuotaEntity).findOneBy({ accountId });
  }

  async save(accountId: string, maxBytes: number | null, maxFiles: number | null): Promise<void> {
    await this.db.getRepository(StorageQuotaEntity).upsert({ accountId, maxBytes, maxFiles }, ['accountId']);
  }

  async usage(accountId: string): Promise<{ bytes: number; files: number }> {
    const [row] = await this.db.query<{ bytes: string; files: string }[]>(
      `SELECT COALESCE(SUM(size), 0) AS bytes, COUNT(*) AS files
         FROM attachments WHERE account_id = $1 AND expired_at IS NULL`,
      [accountId],
    );
    return { bytes: Number(row?.bytes ?? 0), files: Number(row?.files ?? 0) };
  }
}
