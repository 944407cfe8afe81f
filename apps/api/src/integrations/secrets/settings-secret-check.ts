import type { OnModuleInit } from '@nestjs/common';
import type { SecretCheck, SecretChecks } from './secret-checks';
import type { StoredSecret } from './unreadable-secret.error';

/** The settings rows of one integration that may hold sealed secrets. */
export interface SealedSettings<T extends { accountId: string }> {
  listWithSecret(): Promise<T[]>;
  find(accountId: string): Promise<T | null>;
}

/** A `SecretCheck` over one integration's settings rows; subclasses say which sealed values a row holds. */
export abstract class SettingsSecretCheck<T extends { accountId: string }>
  implements SecretCheck, OnModuleInit
{
  abstract readonly kind: StoredSecret;

  protected constructor(
    private readonly checks: SecretChecks,
    private readonly settings: SealedSettings<T>,
  ) {}

  onModuleInit(): void {
    this.checks.register(this);
  }

  async unreadableAccounts(): Promise<string[]> {
    return (await this.settings.listWithSecret()).filter((s) => this.unreadable(s)).map((s) => s.accountId);
  }

  async unreadableFor(accountId: string): Promise<boolean> {
    const row = await this.settings.find(accountId);
    return row !== null && this.unreadable(row);
  }

  /** Whether a sealed value of the row no longer opens with the current key. */
  protected abstract unreadable(row: T): boolean;
}
