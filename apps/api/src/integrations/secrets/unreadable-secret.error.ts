import { ConflictError } from '../../common/errors/domain-errors';

export type StoredSecret = 'callback' | 's3';

const REASONS: Record<StoredSecret, string> = {
  callback:
    'The stored callback signing secret cannot be decrypted with the current SECRETS_KEY (was the key changed?): rotate the signing secret in the callback settings',
  s3: 'The stored S3 export credentials cannot be decrypted with the current SECRETS_KEY (was the key changed?): re-enter the S3 credentials in the S3 export settings',
};

/**
 * A sealed secret that the current SECRETS_KEY cannot open: `409 {"code": "SECRET_UNREADABLE", "secret"}`.
 * Deliveries that need it fail with this reason instead of waiting.
 */
export class UnreadableSecretError extends ConflictError {
  constructor(readonly secret: StoredSecret) {
    super(REASONS[secret], { code: 'SECRET_UNREADABLE', secret });
  }
}
