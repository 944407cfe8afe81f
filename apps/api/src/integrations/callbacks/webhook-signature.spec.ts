import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { newWebhookSecret, signBody, signStream, verifyWebhook, webhookId } from './webhook-signature';

describe('webhook signature (Standard Webhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('matches the Standard Webhooks reference vector', () => {
    // Example from the Standard Webhooks specification.
    const h = signBody(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(h['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs a streamed body exactly like the same bytes in one piece', async () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="chatID"\r\n\r\nc1\r\n--b--\r\n');
    const streamed = await signStream(
      secret,
      'msg_1',
      1700000000,
      Readable.from([body.subarray(0, 7), body.subarray(7)]),
    );
    expect(streamed).toEqual(signBody(secret, 'msg_1', 1700000000, body));
    expect(verifyWebhook(secret, streamed, body)).toBe(true);
    expect(verifyWebhook(secret, streamed, Buffer.concat([body, Buffer.from('x')]))).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), streamed, body)).toBe(false);
  });

  it('generates 32-byte secrets and stable ids', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(webhookId('0b8e1c4e-1f7a-4c1e-9d5b-5a0f3e2d1c0b')).toBe('msg_0b8e1c4e1f7a4c1e9d5b5a0f3e2d1c0b');
    const mac = createHmac('sha256', Buffer.from(s.slice(6), 'base64'))
      .update('i.1.b')
      .digest('base64');
    expect(signBody(s, 'i', 1, 'b')['webhook-signature']).toBe(`v1,${mac}`);
  });
});
