import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const bigintOrNull = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** An account's storage quota, set by the platform owner. No row, or null limits = unlimited. */
@Entity('storage_quotas')
export class StorageQuotaEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('bigint', { name: 'max_bytes', nullable: true, transformer: bigintOrNull }) maxBytes: number | null;
  @Column('integer', { name: 'max_files', nullable: true }) maxFiles: number | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
