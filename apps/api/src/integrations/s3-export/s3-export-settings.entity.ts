import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('s3_export_settings')
export class S3ExportSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  /** Seed 002's "Disable AWS S3 File Store". */
  @Column('boolean') disabled: boolean;
  /** Since when export is on: reconciliation only catches up attachments stored after this. */
  @Column('timestamptz', { name: 'enabled_at', nullable: true }) enabledAt: Date | null;
  /** Both keys sealed with SecretBox('s3-export'); only their last 4 characters are ever shown. */
  @Column('text', { name: 'access_key_id_sealed', nullable: true }) accessKeyIdSealed: string | null;
  @Column('text', { name: 'access_key_id_last4', nullable: true }) accessKeyIdLast4: string | null;
  @Column('text', { name: 'secret_access_key_sealed', nullable: true }) secretAccessKeySealed: string | null;
  @Column('text', { name: 'secret_access_key_last4', nullable: true }) secretAccessKeyLast4: string | null;
  @Column('text') region: string;
  @Column('text', { nullable: true }) bucket: string | null;
  @Column('text') folder: string;
  @Column('text', { nullable: true }) endpoint: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
