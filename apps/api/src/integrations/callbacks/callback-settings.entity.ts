import type { EventType } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('callback_settings')
export class CallbackSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('boolean') enabled: boolean;
  @Column('text', { nullable: true }) url: string | null;
  /** Since when callbacks are on: reconciliation only catches up attachments stored after this. */
  @Column('timestamptz', { name: 'enabled_at', nullable: true }) enabledAt: Date | null;
  @Column('boolean', { name: 'events_enabled' }) eventsEnabled: boolean;
  @Column('text', { name: 'events_url', nullable: true }) eventsUrl: string | null;
  @Column('text', { name: 'event_types', array: true }) eventTypes: EventType[];
  /** The signing secret, sealed with SecretBox('callback-secret'). */
  @Column('text', { name: 'secret_sealed', nullable: true }) secretSealed: string | null;
  @Column('text', { name: 'secret_last4', nullable: true }) secretLast4: string | null;
  @Column('timestamptz', { name: 'secret_created_at', nullable: true }) secretCreatedAt: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
