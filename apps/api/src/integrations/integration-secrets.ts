import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { SecretBox } from './secret-box';

/** The sealing boxes for integration secrets, one purpose each. */
@Injectable()
export class IntegrationSecrets {
  readonly callback: SecretBox;
  readonly s3: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.secretsKey) throw new Error('Integrations need SECRETS_KEY (resolved at startup)');
    this.callback = new SecretBox(config.secretsKey, 'callback-signing-secret');
    this.s3 = new SecretBox(config.secretsKey, 's3-export-credentials');
  }
}
