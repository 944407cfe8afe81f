import type { KMSClient } from '@aws-sdk/client-kms';
import type { MasterKey } from './master-key';

export interface KmsOptions {
  keyId: string;
  region: string;
  endpoint?: string;
}

/**
 * A master key held by AWS KMS (`ENCRYPTION_KMS_KEY_ID`): data keys are wrapped by KMS `Encrypt` and
 * unwrapped by `Decrypt`, so the key material never leaves KMS. Its id is `kms:<key id>`.
 */
export class KmsMasterKey implements MasterKey {
  readonly id: string;

  private constructor(
    private readonly sdk: typeof import('@aws-sdk/client-kms'),
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {
    this.id = `kms:${keyId}`;
  }

  static async connect(options: KmsOptions): Promise<KmsMasterKey> {
    const sdk = await import('@aws-sdk/client-kms');
    const client = new sdk.KMSClient({ region: options.region, endpoint: options.endpoint });
    return new KmsMasterKey(sdk, client, options.keyId);
  }

  async wrap(dataKey: Buffer): Promise<Buffer> {
    const res = await this.client.send(
      new this.sdk.EncryptCommand({ KeyId: this.keyId, Plaintext: dataKey, EncryptionContext: this.context }),
    );
    if (!res.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return Buffer.from(res.CiphertextBlob);
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    const res = await this.client.send(
      new this.sdk.DecryptCommand({
        KeyId: this.keyId,
        CiphertextBlob: wrapped,
        EncryptionContext: this.context,
      }),
    );
    if (!res.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return Buffer.from(res.Plaintext);
  }

  /** KMS keeps its own key: the id is the check. */
  checkValue(): Promise<string> {
    return Promise.resolve(this.id);
  }

  destroy(): void {
    this.client.destroy();
  }

  private get context(): Record<string, string> {
    return { purpose: 'satchel-data-key' };
  }
}
