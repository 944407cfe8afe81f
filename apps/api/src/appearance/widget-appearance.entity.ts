import type { WidgetAppearance } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What an admin chose; the text colour and avatar URL are derived when served. */
export type StoredAppearance = Omit<WidgetAppearance, 'brandTextColor' | 'avatarUrl'>;

/** One account's widget appearance and identity verification. No row = defaults, no secret yet. */
@Entity('widget_appearance')
export class WidgetAppearanceEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('jsonb') settings: StoredAppearance;
  /** Storage key of the re-encoded avatar (content-addressed), null when none. */
  @Column('text', { name: 'avatar_key', nullable: true }) avatarKey: string | null;
  /** Bumped on every change: the widget config's ETag. */
  @Column('integer') version: number;
  @Column('text', { name: 'identity_secret' }) identitySecret: string;
  @Column('boolean', { name: 'identity_required' }) identityRequired: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
