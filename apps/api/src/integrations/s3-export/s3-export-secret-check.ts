import { Injectable } from '@nestjs/common';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { SecretChecks } from '../secrets/secret-checks';
import { SettingsSecretCheck } from '../secrets/settings-secret-check';
import type { S3ExportSettingsEntity } from './s3-export-settings.entity';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';

/** Whether the current key still opens the stored S3 credentials (both keys). */
@Injectable()
export class S3ExportSecretCheck extends SettingsSecretCheck<S3ExportSettingsEntity> {
  readonly kind = 's3';

  constructor(
    checks: SecretChecks,
    settings: S3ExportSettingsRepository,
    private readonly secrets: IntegrationSecrets,
  ) {
    super(checks, settings);
  }

  protected unreadable(row: S3ExportSettingsEntity): boolean {
    const sealed = [row.accessKeyIdSealed, row.secretAccessKeySealed].filter((x): x is string => !!x);
    return sealed.some((x) => !this.secrets.s3.opens(x));
  }
}
