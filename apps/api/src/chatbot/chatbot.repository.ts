import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatbotSettings } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import { ChatbotRunEntity, type RunState } from './chatbot-run.entity';
import { ChatbotSettingsEntity } from './chatbot-settings.entity';
import type { TypeOrmTx } from '../database/transaction-host';

@Injectable()
export class ChatbotRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  settings(accountId: string): Promise<ChatbotSettingsEntity | null> {
    return this.db.getRepository(ChatbotSettingsEntity).findOneBy({ accountId });
  }

  async saveSettings(accountId: string, settings: ChatbotSettings): Promise<ChatbotSettingsEntity> {
    const repo = this.db.getRepository(ChatbotSettingsEntity);
    await repo.upsert(
      { accountId, enabled: settings.enabled, botName: settings.botName, steps: settings.steps },
      ['accountId'],
    );
    return (await repo.findOneBy({ accountId })) as ChatbotSettingsEntity;
  }

  /** Starts a run for a chat once; false when one exists already. */
  async createRun(
    run: Pick<ChatbotRunEntity, 'chatId' | 'accountId' | 'botName' | 'steps'>,
  ): Promise<boolean> {
    const res = await this.db
      .createQueryBuilder()
      .insert()
      .into(ChatbotRunEntity)
      .values({ ...run, stepIndex: 0, state: 'running' })
      .orIgnore()
      .returning('chat_id')
      .execute();
    return (res.raw as unknown[]).length === 1;
  }

  run(chatId: string): Promise<ChatbotRunEntity | null> {
    return this.db.getRepository(ChatbotRunEntity).findOneBy({ chatId });
  }

  async setState(
    chatId: string,
    stepIndex: number,
    state: RunState,
    waitingRequestId: string | null = null,
  ): Promise<void> {
    await this.txHost.tx
      .getRepository(ChatbotRunEntity)
      .update({ chatId }, { stepIndex, state, waitingRequestId });
  }

  /** The run waits for the visitor's answer to an `askContact` step (no file request): take it once. */
  async claimContactAnswer(chatId: string): Promise<ChatbotRunEntity | null> {
    const res = await this.db
      .createQueryBuilder()
      .update(ChatbotRunEntity)
      .set({ state: 'running' })
      .where('chat_id = :chatId AND waiting_request_id IS NULL AND state = :state', {
        chatId,
        state: 'waiting',
      })
      .execute();
    return res.affected ? this.run(chatId) : null;
  }

  /** Takes the run off a resolved request exactly once (concurrent events cannot both continue it). */
  async claimWaiting(chatId: string, requestId: string): Promise<ChatbotRunEntity | null> {
    const res = await this.db
      .createQueryBuilder()
      .update(ChatbotRunEntity)
      .set({ state: 'running', waitingRequestId: null })
      .where('chat_id = :chatId AND waiting_request_id = :requestId AND state = :state', {
        chatId,
        requestId,
        state: 'waiting',
      })
      .execute();
    return res.affected ? this.run(chatId) : null;
  }
}
