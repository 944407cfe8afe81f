import { Injectable } from '@nestjs/common';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { SecretChecks } from '../secrets/secret-checks';
import { SettingsSecretCheck } from '../secrets/settings-secret-check';
import type { CallbackSettingsEntity } from './callback-settings.entity';
import { CallbackSettingsRepository } from './callback-settings.repository';

/** Whether the current key still opens the callback signing secrets (used by events too). */
@Injectable()
export class CallbackSecretCheck extends SettingsSecretCheck<CallbackSettingsEntity> {
  readonly kind = 'callback';

  constructor(
    checks: SecretChecks,
    settings: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
  ) {
    super(checks, settings);
  }

  protected unreadable(row: CallbackSettingsEntity): boolean {
    return Boolean(row.secretSealed && !this.secrets.callback.opens(row.secretSealed));
  }
}
