import { normalizeRequestOrigin, originAllowed, parseAllowedOrigin } from './allowed-origins';

describe('allowed origins', () => {
  it.each([
    ['https://Shop.Example.com', 'https://shop.example.com'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://shop.example.com:443/', 'https://shop.example.com'],
    ['https://*.example.com', 'https://*.example.com'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseAllowedOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    'shop.example.com',
    'ftp://shop.example.com',
    'https://shop.example.com/path',
    'https://shop.example.com?q=1',
    'https://user@shop.example.com',
    'https://shop.example.com:99999',
    'https://sh op.example.com',
    'https://a.*.example.com',
    'https://*',
    '',
  ])('refuses %j', (input) => {
    expect(parseAllowedOrigin(input).ok).toBe(false);
  });

  const own = 'http://127.0.0.1:3000';
  it('allows everything when the list is empty or no Origin is sent', () => {
    expect(originAllowed([], 'https://evil.test', own)).toBe(true);
    expect(originAllowed(['https://shop.example.com'], undefined, own)).toBe(true);
  });

  it('allows listed origins, subdomains of a wildcard, and the console itself', () => {
    const list = ['https://shop.example.com', 'https://*.example.org', 'http://127.0.0.1:5173'];
    expect(originAllowed(list, 'https://shop.example.com', own)).toBe(true);
    expect(originAllowed(list, 'https://a.b.example.org', own)).toBe(true);
    expect(originAllowed(list, 'http://127.0.0.1:5173', own)).toBe(true);
    expect(originAllowed(list, own, own)).toBe(true);
  });

  it('refuses other schemes, ports, hosts, look-alikes and opaque origins', () => {
    const list = ['https://shop.example.com', 'https://*.example.org'];
    for (const origin of [
      'http://shop.example.com',
      'https://shop.example.com:8443',
      'https://example.org',
      'https://evilexample.org',
      'https://a.example.org:444',
      'https://shop.example.com.evil.test',
      'null',
    ])
      expect([origin, originAllowed(list, origin, own)]).toEqual([origin, false]);
  });

  it('normalises request origins', () => {
    expect(normalizeRequestOrigin('HTTP://LOCALHOST:80')).toBe('http://localhost');
    expect(normalizeRequestOrigin('null')).toBeNull();
  });
});
