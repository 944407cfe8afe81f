import { excerptOf, parseCallbackReply } from './callback-reply';

const reply = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));

describe('parseCallbackReply', () => {
  it('accepts seed 002 success and refusal', () => {
    expect(parseCallbackReply(200, reply({ status: 0, uid: 'u-1', url: 'https://x/1' }))).toEqual({
      kind: 'delivered',
      uid: 'u-1',
      url: 'https://x/1',
    });
    expect(parseCallbackReply(201, reply({ status: '0', uid: 42 }))).toEqual({
      kind: 'delivered',
      uid: '42',
      url: '',
    });
    expect(parseCallbackReply(200, reply({ status: 1, message: 'quota exceeded' }))).toEqual({
      kind: 'refused',
      message: 'quota exceeded',
    });
  });

  it.each([
    [500, reply({ status: 0, uid: 'u' }), 'HTTP 500'],
    [200, reply('<html>ok</html>'), 'not JSON'],
    [200, reply({ ok: true }), 'not {"status"'],
    [200, reply('null'), 'not {"status"'],
    [200, reply({ status: 0 }), 'no uid'],
  ])('treats HTTP %s / %s as a retryable error', (status, body, message) => {
    const out = parseCallbackReply(status, body);
    expect(out.kind).toBe('error');
    expect(out.kind === 'error' && out.error).toContain(message);
  });

  it('caps excerpts', () => {
    expect(excerptOf(Buffer.alloc(5000, 'a'))).toHaveLength(2048);
  });
});
