import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from './user.entity';
import type { TypeOrmTx } from '../database/transaction-host';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(UserEntity);
  }

  findInAccount(accountId: string, id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ accountId, id });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** With the password hash, for login. */
  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  emailTaken(email: string): Promise<boolean> {
    return this.repo().createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  listByAccount(accountId: string): Promise<UserEntity[]> {
    return this.repo().find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  countOwners(): Promise<number> {
    return this.repo().countBy({ role: 'owner' });
  }

  countActiveOwners(): Promise<number> {
    return this.repo().countBy({ role: 'owner', active: true });
  }

  emailTakenByOther(email: string, id: string): Promise<boolean> {
    return this.repo()
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email) AND u.id <> :id', { email, id })
      .getExists();
  }

  create(data: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo().save(this.repo().create(data));
  }

  async update(id: string, patch: Partial<UserEntity>): Promise<void> {
    await this.repo().update({ id }, patch);
  }

  /** Tokens, reads, invitations' links and two-factor secrets go with the row (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }
}
