import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import type { TypeOrmTx } from '../database/transaction-host';

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    return this.db.getRepository(AccountEntity).findOneBy({ id });
  }

  findByWidgetKey(widgetKey: string): Promise<AccountEntity | null> {
    return this.db.getRepository(AccountEntity).findOneBy({ widgetKey });
  }

  async allowedOrigins(id: string): Promise<string[]> {
    const row = await this.db
      .getRepository(AccountEntity)
      .findOne({ where: { id }, select: { id: true, allowedOrigins: true } });
    return row?.allowedOrigins ?? [];
  }

  async update(
    id: string,
    change: Partial<Pick<AccountEntity, 'allowedOrigins' | 'widgetKey' | 'searchLanguage'>>,
  ): Promise<void> {
    await this.db.getRepository(AccountEntity).update({ id }, change);
  }

  list(): Promise<AccountEntity[]> {
    return this.db.getRepository(AccountEntity).find({ order: { createdAt: 'ASC' } });
  }

  count(): Promise<number> {
    return this.db.getRepository(AccountEntity).count();
  }

  first(): Promise<AccountEntity | null> {
    return this.db.getRepository(AccountEntity).findOne({ where: {}, order: { createdAt: 'ASC' } });
  }

  create(data: Pick<AccountEntity, 'name' | 'widgetKey'>): Promise<AccountEntity> {
    const repo = this.txHost.tx.getRepository(AccountEntity);
    return repo.save(repo.create(data));
  }

  /** Runs `work` in one transaction (account + first admin are created together). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(work);
  }
}
