import type { ActorRole, FileRequestStatus } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('file_requests')
export class FileRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('uuid', { name: 'chat_id' }) chatId: string;
  @Column('uuid', { name: 'message_id', nullable: true }) messageId: string | null;
  @Column('text') prompt: string;
  @Column('text', { name: 'allowed_types', nullable: true }) allowedTypes: string | null;
  @Column('integer', { name: 'max_size_kb', nullable: true }) maxSizeKb: number | null;
  @Column('boolean') skippable: boolean;
  @Column('text') status: FileRequestStatus;
  @Column('text', { name: 'requested_by_role' }) requestedByRole: ActorRole;
  @Column('uuid', { name: 'requested_by_id', nullable: true }) requestedById: string | null;
  @Column('text', { name: 'requested_by_name' }) requestedByName: string;
  @Column('uuid', { name: 'fulfilled_message_id', nullable: true }) fulfilledMessageId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
}
