import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One account's own value for one rate-limit policy (no row = the configured default). */
@Entity('rate_limit_overrides')
export class RateLimitOverrideEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @PrimaryColumn('text') policy: string;
  @Column('integer') points: number;
  @Column('integer') seconds: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
