import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { SecretProblem, SecretsStatus } from '@satchel/contracts';
import { CallbackSettingsRepository } from '../callbacks/callback-settings.repository';
import type { CallbackSettingsEntity } from '../callbacks/callback-settings.entity';
import { IntegrationSecrets } from './integration-secrets';
import { S3ExportSettingsRepository } from '../s3-export/s3-export-settings.repository';
import type { S3ExportSettingsEntity } from '../s3-export/s3-export-settings.entity';
import { UnreadableSecretError } from './unreadable-secret.error';

/**
 * Stored secrets against the current SECRETS_KEY: checked for every account at start (one log line
 * per account with a problem) and on demand for the console's settings.
 */
@Injectable()
export class SecretsCheckService implements OnApplicationBootstrap {
  private readonly log = new Logger('Secrets');

  constructor(
    private readonly secrets: IntegrationSecrets,
    private readonly callbacks: CallbackSettingsRepository,
    private readonly exports: S3ExportSettingsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const byAccount = new Map<string, SecretProblem[]>();
    const add = (accountId: string, problems: SecretProblem[]) =>
      problems.length && byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), ...problems]);
    for (const s of await this.callbacks.listWithSecret()) add(s.accountId, this.callbackProblems(s));
    for (const s of await this.exports.listWithSecret()) add(s.accountId, this.s3Problems(s));
    for (const [accountId, problems] of byAccount)
      this.log.warn(`Account ${accountId}: ${problems.map((p) => p.message).join('; ')}`);
  }

  async status(accountId: string): Promise<SecretsStatus> {
    const [callback, s3] = await Promise.all([this.callbacks.find(accountId), this.exports.find(accountId)]);
    return { problems: [...this.callbackProblems(callback), ...this.s3Problems(s3)] };
  }

  private callbackProblems(s: CallbackSettingsEntity | null): SecretProblem[] {
    return s?.secretSealed && !this.secrets.callback.opens(s.secretSealed) ? [problem('callback')] : [];
  }

  private s3Problems(s: S3ExportSettingsEntity | null): SecretProblem[] {
    const sealed = [s?.accessKeyIdSealed, s?.secretAccessKeySealed].filter((x): x is string => !!x);
    return sealed.some((x) => !this.secrets.s3.opens(x)) ? [problem('s3')] : [];
  }
}

function problem(secret: SecretProblem['secret']): SecretProblem {
  return { secret, message: new UnreadableSecretError(secret).message };
}
