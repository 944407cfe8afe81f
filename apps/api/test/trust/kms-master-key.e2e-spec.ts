import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KmsMasterKey } from '../../src/storage/encryption/kms-master-key';

/**
 * A loopback stand-in for the two KMS calls Satchel makes (awsJson1_1 `TrentService.Encrypt` and
 * `Decrypt`), so the real SDK client is exercised end to end without an AWS account.
 */
function startKms(): Promise<{ url: string; server: Server; targets: string[] }> {
  const key = randomBytes(32);
  const targets: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      targets.push(target);
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      const context = JSON.stringify(body['EncryptionContext'] ?? {});
      let answer: Record<string, string>;
      if (target === 'TrentService.Encrypt') {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
        const sealed = Buffer.concat([c.update(Buffer.from(String(body['Plaintext']), 'base64')), c.final()]);
        answer = {
          KeyId: String(body['KeyId']),
          CiphertextBlob: Buffer.concat([iv, c.getAuthTag(), sealed]).toString('base64'),
        };
      } else {
        const blob = Buffer.from(String(body['CiphertextBlob']), 'base64');
        const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12)).setAAD(Buffer.from(context));
        d.setAuthTag(blob.subarray(12, 28));
        answer = {
          KeyId: String(body['KeyId']),
          Plaintext: Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('base64'),
        };
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, targets }),
    ),
  );
}

describe('KMS master key (loopback KMS endpoint)', () => {
  const env = { ...process.env };
  afterAll(() => {
    process.env = env;
  });

  it('wraps data keys with KMS Encrypt and unwraps them with Decrypt', async () => {
    process.env['AWS_ACCESS_KEY_ID'] = 'test';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'test';
    const kms = await startKms();
    const key = await KmsMasterKey.connect({
      keyId: 'alias/satchel',
      region: 'us-east-1',
      endpoint: kms.url,
    });
    try {
      expect(key.id).toBe('kms:alias/satchel');
      const dataKey = randomBytes(32);
      const wrapped = await key.wrap(dataKey);
      expect(wrapped.includes(dataKey)).toBe(false);
      expect((await key.unwrap(wrapped)).equals(dataKey)).toBe(true);
      expect(kms.targets).toEqual(['TrentService.Encrypt', 'TrentService.Decrypt']);
    } finally {
      key.destroy();
      kms.server.close();
    }
  });
});
