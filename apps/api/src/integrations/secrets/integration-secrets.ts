import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SecretBox } from './secret-box';
import { UnreadableSecretError, type StoredSecret } from './unreadable-secret.error';

/** A SecretBox whose `open` failure names the secret and what to do (UnreadableSecretError). */
export class NamedSecretBox {
  constructor(
    private readonly box: SecretBox,
    private readonly secret: StoredSecret,
  ) {}

  seal(plaintext: string): string {
    return this.box.seal(plaintext);
  }

  open(sealed: string): string {
    try {
      return this.box.open(sealed);
    } catch {
      throw new UnreadableSecretError(this.secret);
    }
  }

  /** True when the current key opens it. */
  opens(sealed: string): boolean {
    try {
      this.box.open(sealed);
      return true;
    } catch {
      return false;
    }
  }
}

/** The sealing boxes for integration secrets, one purpose each. */
@Injectable()
export class IntegrationSecrets {
  readonly callback: NamedSecretBox;
  readonly s3: NamedSecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.secretsKey) throw new Error('Integrations need SECRETS_KEY (resolved at startup)');
    this.callback = new NamedSecretBox(
      new SecretBox(config.secretsKey, 'callback-signing-secret'),
      'callback',
    );
    this.s3 = new NamedSecretBox(new SecretBox(config.secretsKey, 's3-export-credentials'), 's3');
  }
}
