import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformUploadSettingsEntity } from './platform-upload-settings.entity';

export type StoredPlatformSettings = Omit<PlatformUploadSettingsEntity, 'updatedAt' | 'id'>;

@Injectable()
export class PlatformUploadSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(): Promise<PlatformUploadSettingsEntity | null> {
    return this.db.getRepository(PlatformUploadSettingsEntity).findOneBy({ id: 1 });
  }

  async save(row: StoredPlatformSettings): Promise<void> {
    await this.db.getRepository(PlatformUploadSettingsEntity).upsert({ id: 1, ...row }, ['id']);
  }
}
