import type { AuditActorRole } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which file, from where, and how it ended. Outlives the attachment (no foreign key). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') action: string;
  @Column('text') outcome: 'success' | 'failure';
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'actor_role' }) actorRole: AuditActorRole;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName: string | null;
  @Column('uuid', { name: 'chat_id', nullable: true }) chatId: string | null;
  @Column('uuid', { name: 'attachment_id', nullable: true }) attachmentId: string | null;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
