import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FileRequestStatus } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import { FileRequestEntity } from './file-request.entity';
import type { TypeOrmTx } from '../database/transaction-host';

@Injectable()
export class FileRequestsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(FileRequestEntity);
  }

  create(data: Partial<FileRequestEntity>): Promise<FileRequestEntity> {
    return this.repo().save(this.repo().create({ status: 'open', ...data }));
  }

  find(accountId: string, chatId: string, id: string): Promise<FileRequestEntity | null> {
    return this.repo().findOneBy({ accountId, chatId, id });
  }

  /** The request, row-locked until the transaction ends. */
  lock(accountId: string, chatId: string, id: string): Promise<FileRequestEntity | null> {
    return this.repo().findOne({ where: { accountId, chatId, id }, lock: { mode: 'pessimistic_write' } });
  }

  forChat(accountId: string, chatId: string): Promise<FileRequestEntity[]> {
    return this.repo().find({ where: { accountId, chatId }, order: { createdAt: 'ASC' } });
  }

  /** Closes a request: fulfilled (with the message that did it), skipped or cancelled. */
  async resolve(id: string, status: FileRequestStatus, fulfilledMessageId: string | null): Promise<void> {
    await this.repo().update({ id }, { status, fulfilledMessageId, resolvedAt: new Date() });
  }
}
