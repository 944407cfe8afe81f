import type { PhotoCompression, PreviewKinds } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One account's upload rules (seed 002) and download/logging switches (seed 000). Null = the platform's. */
@Entity('upload_settings')
export class UploadSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('boolean', { name: 'visitor_enabled', nullable: true }) visitorEnabled: boolean | null;
  @Column('text', { name: 'visitor_allowed_types', nullable: true }) visitorAllowedTypes: string | null;
  @Column('integer', { name: 'visitor_max_size_kb', nullable: true }) visitorMaxSizeKb: number | null;
  @Column('boolean', { name: 'operator_enabled', nullable: true }) operatorEnabled: boolean | null;
  @Column('text', { name: 'operator_allowed_types', nullable: true }) operatorAllowedTypes: string | null;
  @Column('integer', { name: 'operator_max_size_kb', nullable: true }) operatorMaxSizeKb: number | null;
  @Column('boolean', { name: 'access_token_required', nullable: true }) accessTokenRequired: boolean | null;
  @Column('boolean', { name: 'logging_enabled', nullable: true }) loggingEnabled: boolean | null;
  @Column('boolean', { name: 'generate_thumbnails', nullable: true }) generateThumbnails: boolean | null;
  @Column('jsonb', { name: 'preview_kinds' }) previewKinds: PreviewKinds;
  /** Per role; a missing field takes `PHOTO_COMPRESSION_DEFAULTS`. */
  @Column('jsonb', { name: 'photo_compression' })
  photoCompression: { visitor?: Partial<PhotoCompression>; operator?: Partial<PhotoCompression> };
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
