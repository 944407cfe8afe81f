import type { AttemptOutcome, DeliveryKind, DeliveryStatus, EventType } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One thing to deliver (a file callback, an export or an event) and where it stands. */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') kind: DeliveryKind;
  @Column('uuid', { name: 'attachment_id', nullable: true }) attachmentId: string | null;
  @Column('uuid', { name: 'chat_id', nullable: true }) chatId: string | null;
  @Column('text', { name: 'event_type', nullable: true }) eventType: EventType | null;
  /** Event deliveries: the JSON body, fixed at creation so every retry sends the same bytes. */
  @Column('jsonb', { nullable: true }) payload: Record<string, unknown> | null;
  @Column('text', { nullable: true }) target: string | null;
  @Column('text') status: DeliveryStatus;
  @Column('integer') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('integer', { name: 'last_http_status', nullable: true }) lastHttpStatus: number | null;
  @Column('text', { nullable: true }) uid: string | null;
  @Column('text', { nullable: true }) url: string | null;
  @Column('text', { name: 'export_key', nullable: true }) exportKey: string | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('delivery_attempts')
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'delivery_id' }) deliveryId: string;
  @Column('integer') attempt: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('integer', { name: 'duration_ms' }) durationMs: number;
  @Column('integer', { name: 'http_status', nullable: true }) httpStatus: number | null;
  @Column('text', { name: 'response_excerpt', nullable: true }) responseExcerpt: string | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('text') outcome: AttemptOutcome;
}
