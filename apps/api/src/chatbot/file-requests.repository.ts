import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FileRequestStatus } from '@satchel/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { FileRequestEntity } from './file-request.entity';

@Injectable()
export class FileRequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.db.manager).getRepository(FileRequestEntity);
  }

  create(data: Partial<FileRequestEntity>, m?: EntityManager): Promise<FileRequestEntity> {
    return this.repo(m).save(this.repo(m).create({ status: 'open', ...data }));
  }

  find(accountId: string, chatId: string, id: string): Promise<FileRequestEntity | null> {
    return this.repo().findOneBy({ accountId, chatId, id });
  }

  /** The request, row-locked until the transaction ends. */
  lock(m: EntityManager, accountId: string, chatId: string, id: string): Promise<FileRequestEntity | null> {
    return this.repo(m).findOne({ where: { accountId, chatId, id }, lock: { mode: 'pessimistic_write' } });
  }

  forChat(accountId: string, chatId: string): Promise<FileRequestEntity[]> {
    return this.repo().find({ where: { accountId, chatId }, order: { createdAt: 'ASC' } });
  }

  /** Closes a request: fulfilled (with the message that did it), skipped or cancelled. */
  async resolve(
    id: string,
    status: FileRequestStatus,
    fulfilledMessageId: string | null,
    m?: EntityManager,
  ): Promise<void> {
    await this.repo(m).update({ id }, { status, fulfilledMessageId, resolvedAt: new Date() });
  }
}
