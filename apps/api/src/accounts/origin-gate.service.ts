import { Inject, Injectable } from '@nestjs/common';
import { ORIGIN_NOT_ALLOWED } from '@satchel/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ForbiddenError } from '../common/errors/domain-errors';
import type { AccountEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { originAllowed } from './allowed-origins';

/** A page on an origin the account does not list used its widget key or a visitor token. */
export class OriginNotAllowedError extends ForbiddenError {
  constructor(readonly origin: string) {
    super(`This widget is not allowed on ${origin}: add it to the account's allowed domains`, {
      code: ORIGIN_NOT_ALLOWED,
      origin,
    });
  }
}

/**
 * The one check of the account's allowed domains, for every widget entry: starting a chat with the
 * widget key, visitor requests (auth guard) and visitor sockets (gateway handshake).
 */
@Injectable()
export class OriginGate {
  private readonly own: string;

  constructor(
    private readonly accounts: AccountsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.own = new URL(config.http.publicUrl).origin;
  }

  /** Throws `OriginNotAllowedError` when `origin` is set and the account's non-empty list lacks it. */
  assertAccount(account: Pick<AccountEntity, 'allowedOrigins'>, origin: string | undefined): void {
    if (!originAllowed(account.allowedOrigins, origin, this.own))
      throw new OriginNotAllowedError(origin ?? '');
  }

  async assert(accountId: string, origin: string | undefined): Promise<void> {
    if (origin === undefined) return;
    const allowed = await this.accounts.allowedOrigins(accountId);
    this.assertAccount({ allowedOrigins: allowed }, origin);
  }
}
