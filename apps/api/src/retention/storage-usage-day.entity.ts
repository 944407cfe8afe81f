import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** Storage an account used on a day (recorded by each sweep; the day's last figure wins). */
@Entity('storage_usage_days')
export class StorageUsageDayEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @PrimaryColumn('date') day: string;
  @Column('bigint', { transformer: bigintAsNumber }) bytes: number;
  @Column('integer') files: number;
}
