import type { RetentionPolicy } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One account's retention policy (null = keep forever) and its account-wide legal hold. */
@Entity('retention_settings')
export class RetentionSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('jsonb', { nullable: true }) policy: RetentionPolicy | null;
  @Column('boolean', { name: 'legal_hold' }) legalHold: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
