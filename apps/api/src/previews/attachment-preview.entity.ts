import type { PreviewStatus } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The preview state of one attachment and the storage keys of its WebP renditions. */
@Entity('attachment_previews')
export class AttachmentPreviewEntity {
  @PrimaryColumn('uuid', { name: 'attachment_id' }) attachmentId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') status: PreviewStatus;
  @Column('int', { nullable: true }) width: number | null;
  @Column('int', { nullable: true }) height: number | null;
  @Column('text', { nullable: true }) placeholder: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'small_key', nullable: true }) smallKey: string | null;
  @Column('text', { name: 'large_key', nullable: true }) largeKey: string | null;
  @Column('int', { nullable: true }) pages: number | null;
  @Column('int', { name: 'duration_ms', nullable: true }) durationMs: number | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
