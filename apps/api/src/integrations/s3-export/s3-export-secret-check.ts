import { Injectable, OnModuleInit } from '@nestjs/common';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { SecretChecks, type SecretCheck } from '../secrets/secret-checks';
import type { S3ExportSettingsEntity } from './s3-export-settings.entity';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';

/** Whether the current key still opens the stored S3 credentials (both keys). */
@Injectable()
export class S3ExportSecretCheck implements SecretCheck, OnModuleInit {
  readonly kind = 's3';

  constructor(
    private readonly checks: SecretChecks,
    private readonly secrets: IntegrationSecrets,
    private readonly settings: S3ExportSettingsRepository,
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

  private unreadable(s: S3ExportSettingsEntity | null): boolean {
    const sealed = [s?.accessKeyIdSealed, s?.secretAccessKeySealed].filter((x): x is string => !!x);
    return sealed.some((x) => !this.secrets.s3.opens(x));
  }
}
