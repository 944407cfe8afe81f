import { Injectable } from '@nestjs/common';
import type { AccountDto, UserRole } from '@satchel/contracts';
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError } from '../common/errors/domain-errors';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { toAccountDto } from './account.mapper';
import type { AccountEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';

export interface NewAccount {
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
  adminRole?: Extract<UserRole, 'owner' | 'admin'>;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly passwordHasher: PasswordHasher,
  ) {}

  async create(input: NewAccount): Promise<AccountEntity> {
    if (await this.users.emailTaken(input.adminEmail)) {
      throw new ConflictError(`A user with email ${input.adminEmail} already exists`, {
        field: 'adminEmail',
      });
    }
    const passwordHash = await this.passwordHasher.hash(input.adminPassword);
    return this.accounts.transaction(async (m) => {
      const account = await this.accounts.create(m, {
        name: input.name,
        widgetKey: `wk_${randomBytes(12).toString('base64url')}`,
      });
      await this.users.create(
        {
          accountId: account.id,
          email: input.adminEmail,
          name: input.adminName ?? 'Admin',
          role: input.adminRole ?? 'admin',
          active: true,
          passwordHash,
        },
        m,
      );
      return account;
    });
  }

  async list(): Promise<AccountDto[]> {
    return (await this.accounts.list()).map(toAccountDto);
  }

  async get(id: string): Promise<AccountDto> {
    const a = await this.accounts.findById(id);
    if (!a) throw new NotFoundError('Account');
    return toAccountDto(a);
  }
}
