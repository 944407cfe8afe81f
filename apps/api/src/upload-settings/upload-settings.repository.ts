import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UploadSettingsEntity } from './upload-settings.entity';

@Injectable()
export class UploadSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(accountId: string): Promise<UploadSettingsEntity | null> {
    return this.db.getRepository(UploadSettingsEntity).findOneBy({ accountId });
  }

  async save(row: Omit<UploadSettingsEntity, 'updatedAt'>): Promise<void> {
    await this.db.getRepository(UploadSettingsEntity).upsert(row, ['accountId']);
  }
}
