import type { ChatbotStep } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type RunState = 'running' | 'waiting' | 'handed_over' | 'done';

/** One chat's walk through the bot's steps (a snapshot of the steps taken when the chat started). */
@Entity('chatbot_runs')
export class ChatbotRunEntity {
  @PrimaryColumn('uuid', { name: 'chat_id' }) chatId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text', { name: 'bot_name' }) botName: string;
  @Column('jsonb') steps: ChatbotStep[];
  @Column('integer', { name: 'step_index' }) stepIndex: number;
  @Column('text') state: RunState;
  @Column('uuid', { name: 'waiting_request_id', nullable: true }) waitingRequestId: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
