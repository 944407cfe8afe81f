import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);

  it('round-trips and never leaves the plaintext in the sealed form', () => {
    const box = new SecretBox(key, 's3');
    const sealed = box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(sealed).not.toContain('wJalr');
    expect(sealed).toMatch(/^v1\./);
    expect(box.open(sealed)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses tampering, another purpose and another key', () => {
    const sealed = new SecretBox(key, 's3').seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(() => new SecretBox(key, 's3').open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(key, 'callback').open(sealed)).toThrow();
    expect(() => new SecretBox(randomBytes(32), 's3').open(sealed)).toThrow();
    expect(() => new SecretBox(key, 's3').open('garbage')).toThrow('Malformed');
  });
});
