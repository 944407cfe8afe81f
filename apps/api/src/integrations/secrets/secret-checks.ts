import { Injectable } from '@nestjs/common';
import { KindRegistry } from '../../common/registry/kind-registry';
import type { StoredSecret } from './unreadable-secret.error';

/**
 * Whether the current SECRETS_KEY still opens one kind of stored secret: callbacks and S3 export
 * implement it over their settings and register it in `SecretChecks`.
 */
export interface SecretCheck {
  readonly kind: StoredSecret;
  /** Accounts whose stored secret of this kind the current key cannot open. */
  unreadableAccounts(): Promise<string[]>;
  unreadableFor(accountId: string): Promise<boolean>;
}

/** The registered `SecretCheck`s: callback before S3. */
@Injectable()
export class SecretChecks extends KindRegistry<StoredSecret, SecretCheck> {
  constructor() {
    super('secret check', ['callback', 's3']);
  }
}
