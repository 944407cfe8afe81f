import type { ChatbotStep } from '@satchel/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('chatbot_settings')
export class ChatbotSettingsEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('boolean') enabled: boolean;
  @Column('text', { name: 'bot_name' }) botName: string;
  @Column('jsonb') steps: ChatbotStep[];
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
