import { createHmac, randomBytes, timingSafeEqual, type Hmac } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export { webhookId } from '../deliveries/webhook-id';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_<base64 key>`,
 * the signed content is `${webhook-id}.${webhook-timestamp}.${raw body bytes}`, and
 * `webhook-signature` is `v1,<base64 HMAC-SHA256>`. For a multipart callback the body is the exact
 * multipart bytes sent (fixed boundary), so any Standard Webhooks verifier works on the raw body.
 */
const PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

function signingKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** An HMAC already fed with `id.timestamp.`: update it with the body, then `headersFrom`. */
export function startSignature(secret: string, id: string, timestamp: number): Hmac {
  return createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.`);
}

export function headersFrom(hmac: Hmac, id: string, timestamp: number): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${hmac.digest('base64')}`,
  };
}

export function signBody(
  secret: string,
  id: string,
  timestamp: number,
  body: string | Buffer,
): WebhookHeaders {
  return headersFrom(startSignature(secret, id, timestamp).update(body), id, timestamp);
}

/** Signs a body that is produced as a stream (consumed here; produce it again to send it). */
export async function signStream(
  secret: string,
  id: string,
  timestamp: number,
  body: Readable,
): Promise<WebhookHeaders> {
  const hmac = startSignature(secret, id, timestamp);
  await pipeline(
    body,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        hmac.update(chunk);
        done();
      },
    }),
  );
  return headersFrom(hmac, id, timestamp);
}

/** Receiver-side check (used by the test endpoint docs and tests): any `v1,` signature may match. */
export function verifyWebhook(
  secret: string,
  headers: Partial<WebhookHeaders>,
  body: string | Buffer,
): boolean {
  const id = headers['webhook-id'];
  const ts = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(ts) || !headers['webhook-signature']) return false;
  const expected = Buffer.from(signBody(secret, id, ts, body)['webhook-signature'].slice(3));
  return headers['webhook-signature'].split(' ').some((s) => {
    const given = Buffer.from(s.startsWith('v1,') ? s.slice(3) : '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
