import { randomBytes } from 'node:crypto';
import { Signer } from './signer';

describe('Signer', () => {
  const key = randomBytes(32);

  it('round-trips a payload and rejects tampering', () => {
    const s = new Signer(key, 'test');
    const token = s.sign({ a: 1 });
    expect(s.verify(token)).toEqual({ a: 1 });
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ a: 2 })).toString('base64url');
    expect(s.verify(`${forged}.${mac}`)).toBeUndefined();
    // A different first character (the random MAC itself starts with "x" one time in 64).
    const other = mac.startsWith('x') ? 'y' : 'x';
    expect(s.verify(`${body}.${other}${mac.slice(1)}`)).toBeUndefined();
    expect(s.verify('garbage')).toBeUndefined();
  });

  it('does not accept a string signed for another purpose', () => {
    const token = new Signer(key, 'connection').sign({ a: 1 });
    expect(new Signer(key, 'message').verify(token)).toBeUndefined();
  });
});
