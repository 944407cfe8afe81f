import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signs small JSON payloads with a key derived from SECRETS_KEY for one purpose, so a string signed
 * for one use (say, a connection string) is never valid for another.
 */
export class Signer {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `satchel:${purpose}`, 32));
  }

  sign(payload: object): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The payload, or undefined when the string is malformed or its signature is wrong. */
  verify<T>(token: string): T | undefined {
    const [body, mac, ...rest] = token.split('.');
    if (!body || !mac || rest.length) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
