import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AccountDto, SearchLanguage, UserRole } from '@satchel/contracts';
import { randomBytes } from 'node:crypto';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { EVENTS, type SearchLanguageChangedEvent } from '../common/events/events';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-errors';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { toAccountDto } from './account.mapper';
import type { AccountEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { parseAllowedOrigin } from './allowed-origins';

const newWidgetKey = () => `wk_${randomBytes(12).toString('base64url')}`;

/** Validates and normalises the entries; duplicates collapse. */
function validOrigins(input: string[]): string[] {
  const out = new Set<string>();
  input.forEach((entry, i) => {
    if (entry.trim() === '') return;
    const parsed = parseAllowedOrigin(entry);
    if (!parsed.ok)
      throw new ValidationError(`"${entry}" ${parsed.reason}`, `allowedOrigins.${i}`, {
        code: 'INVALID_ORIGIN',
      });
    out.add(parsed.origin);
  });
  return [...out];
}

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
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async create(input: NewAccount): Promise<AccountEntity> {
    if (await this.users.emailTaken(input.adminEmail)) {
      throw new ConflictError(`A user with email ${input.adminEmail} already exists`, {
        field: 'adminEmail',
        code: 'EMAIL_TAKEN',
      });
    }
    const passwordHash = await this.passwordHasher.hash(input.adminPassword);
    return this.accounts.transaction(async () => {
      const account = await this.accounts.create({
        name: input.name,
        widgetKey: newWidgetKey(),
      });
      await this.users.create({
        accountId: account.id,
        email: input.adminEmail,
        name: input.adminName ?? 'Admin',
        role: input.adminRole ?? 'admin',
        active: true,
        passwordHash,
      });
      return account;
    });
  }

  async list(): Promise<AccountDto[]> {
    return (await this.accounts.list()).map(toAccountDto);
  }

  async get(id: string): Promise<AccountDto> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Account');
    return toAccountDto(account);
  }

  async setAllowedOrigins(ctx: ActorContext, input: string[]): Promise<AccountDto> {
    const accountId = ctx.principal.accountId;
    const before = await this.get(accountId);
    const allowedOrigins = validOrigins(input);
    await this.accounts.update(accountId, { allowedOrigins });
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.allowedOriginsUpdate,
        outcome: 'success',
        details: { before: before.allowedOrigins, after: allowedOrigins },
      },
      true,
    );
    return { ...before, allowedOrigins };
  }

  /** Audited; a change re-indexes the account's texts in the background (queued before this returns). */
  async setSearchLanguage(ctx: ActorContext, searchLanguage: SearchLanguage): Promise<AccountDto> {
    const accountId = ctx.principal.accountId;
    const before = await this.get(accountId);
    if (before.searchLanguage === searchLanguage) return before;
    await this.accounts.update(accountId, { searchLanguage });
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.searchLanguageUpdate,
        outcome: 'success',
        details: { before: before.searchLanguage, after: searchLanguage },
      },
      true,
    );
    await this.events.emitAsync(EVENTS.searchLanguageChanged, {
      accountId,
      searchLanguage,
    } satisfies SearchLanguageChangedEvent);
    return { ...before, searchLanguage };
  }

  /** A new key at once: the old one starts no chat any more; visitor tokens already issued keep working. */
  async rotateWidgetKey(ctx: ActorContext): Promise<AccountDto> {
    const accountId = ctx.principal.accountId;
    const before = await this.get(accountId);
    const widgetKey = newWidgetKey();
    await this.accounts.update(accountId, { widgetKey });
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.widgetKeyRotate,
        outcome: 'success',
        details: { oldKeyEnd: before.widgetKey.slice(-4), newKeyEnd: widgetKey.slice(-4) },
      },
      true,
    );
    return { ...before, widgetKey };
  }
}
