import type { PreviewKinds } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One account's upload rules (seed 002) and download/logging switches (seed 000). No row = defaults. */
@Entity('upload_settings')
export class UploadSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('boolean', { name: 'visitor_enabled' }) visitorEnabled: boolean;
  @Column('text', { name: 'visitor_allowed_types' }) visitorAllowedTypes: string;
  @Column('integer', { name: 'visitor_max_size_kb' }) visitorMaxSizeKb: number;
  @Column('boolean', { name: 'operator_enabled' }) operatorEnabled: boolean;
  @Column('text', { name: 'operator_allowed_types' }) operatorAllowedTypes: string;
  @Column('integer', { name: 'operator_max_size_kb' }) operatorMaxSizeKb: number;
  @Column('boolean', { name: 'access_token_required' }) accessTokenRequired: boolean;
  @Column('boolean', { name: 'logging_enabled' }) loggingEnabled: boolean;
  @Column('boolean', { name: 'generate_thumbnails' }) generateThumbnails: boolean;
  @Column('jsonb', { name: 'preview_kinds' }) previewKinds: PreviewKinds;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
