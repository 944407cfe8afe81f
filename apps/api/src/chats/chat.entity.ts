import type { ChatStatus } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('chats')
export class ChatEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') status: ChatStatus;
  @Column('text', { name: 'visitor_name' }) visitorName: string;
  @Column('text') source: 'widget' | 'api';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { name: 'last_message_at', nullable: true }) lastMessageAt: Date | null;
  @Column('text', { name: 'last_message_preview', nullable: true }) lastMessagePreview: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** A legal hold suspends retention for the chat's files. */
  @Column('boolean', { name: 'legal_hold', default: false }) legalHold?: boolean;
}
