import { DynamicModule, Module } from '@nestjs/common';
import { IntegrationSecrets } from './integration-secrets';
import { SecretChecks } from './secret-checks';
import { SecretsCheckService } from './secrets-check.service';
import { SecretsStatusController } from './secrets-status.controller';

/**
 * The sealing boxes for integration secrets and the check of stored secrets against SECRETS_KEY;
 * callbacks and S3 export register a `SecretCheck` for the secrets they keep.
 */
@Module({})
export class IntegrationSecretsModule {
  static register(opts: { http: boolean }): DynamicModule {
    return {
      module: IntegrationSecretsModule,
      controllers: opts.http ? [SecretsStatusController] : [],
      providers: [IntegrationSecrets, SecretChecks, SecretsCheckService],
      exports: [IntegrationSecrets, SecretChecks],
    };
  }
}
