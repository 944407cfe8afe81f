import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Wraps and unwraps data keys. `id` is stored with every wrapped key, so several master keys can be
 * configured at once (rotation): the first one wraps, any of them unwraps what it wrapped.
 */
export interface MasterKey {
  readonly id: string;
  wrap(dataKey: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
  /** A value that tells whether this is the same key as the one stored under `id` before. */
  checkValue(): Promise<string>;
}

/** A 32-byte key from `ENCRYPTION_KEYS`: data keys are sealed with AES-256-GCM, the id authenticated. */
export class LocalMasterKey implements MasterKey {
  constructor(
    readonly id: string,
    private readonly key: Buffer,
  ) {}

  wrap(dataKey: Buffer): Promise<Buffer> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(this.id));
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Promise.resolve(Buffer.concat([nonce, sealed, cipher.getAuthTag()]));
  }

  unwrap(wrapped: Buffer): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.key, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(this.id));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    const key = Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
    return Promise.resolve(key);
  }

  checkValue(): Promise<string> {
    return Promise.resolve(createHmac('sha256', this.key).update('satchel master key check').digest('hex'));
  }
}
