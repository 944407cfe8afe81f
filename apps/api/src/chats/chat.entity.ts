import type { ChatStatus, VisitorContext } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('chats')
export class ChatEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') status: ChatStatus;
  @Column('text', { name: 'visitor_name' }) visitorName: string;
  @Column('text') source: 'widget' | 'api';
  @Column('text', { name: 'visitor_email', nullable: true }) visitorEmail: string | null;
  /** The host site's own id of the visitor, from `identify()`. */
  @Column('text', { name: 'visitor_external_id', nullable: true }) visitorExternalId: string | null;
  /** `identify()` carried a valid HMAC of the id. */
  @Column('boolean', { name: 'visitor_verified', default: false }) visitorVerified: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { name: 'last_message_at', nullable: true }) lastMessageAt: Date | null;
  @Column('text', { name: 'last_message_preview', nullable: true }) lastMessagePreview: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** A legal hold suspends retention for the chat's files. */
  @Column('boolean', { name: 'legal_hold', default: false }) legalHold?: boolean;
  @Column('uuid', { name: 'assigned_user_id', nullable: true }) assignedUserId?: string | null;
  /** The assignee's name when assigned (the audit log and list show it without a join). */
  @Column('text', { name: 'assignee_name', nullable: true }) assigneeName?: string | null;
  @Column('jsonb', { name: 'visitor_context', nullable: true }) visitorContext?: VisitorContext | null;
}
