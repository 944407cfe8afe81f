import type { ActorRole } from '@satchel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'chat_id' }) chatId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text', { name: 'author_role' }) authorRole: ActorRole;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text', { name: 'author_name' }) authorName: string;
  @Column('text') text: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
