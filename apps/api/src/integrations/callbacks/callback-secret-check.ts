import { Injectable, OnModuleInit } from '@nestjs/common';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { SecretChecks, type SecretCheck } from '../secrets/secret-checks';
import type { CallbackSettingsEntity } from './callback-settings.entity';
import { CallbackSettingsRepository } from './callback-settings.repository';

/** Whether the current key still opens the callback signing secrets (used by events too). */
@Injectable()
export class CallbackSecretCheck implements SecretCheck, OnModuleInit {
  readonly kind = 'callback';

  constructor(
    private readonly checks: SecretChecks,
    private readonly secrets: IntegrationSecrets,
    private readonly settings: CallbackSettingsRepository,
  ) {}

  onModuleInit(): void {
    this.checks.register(this);
  }

  async unreadableAccounts(): Promise<string[]> {
    return (await this.settings.listWithSecret()).filter((s) => this.unreadable(s)).map((s) => s.accountId);
  }

  async unreadableFor(accountId: string): Promise<boolean> {
    return this.unreadable(await this.settings.find(accountId));
  }

  private unreadable(s: CallbackSettingsEntity | null): boolean {
    return Boolean(s?.secretSealed && !this.secrets.callback.opens(s.secretSealed));
  }
}
