import { checkAddress, compileAllowList } from './address-policy';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['2130706433', 'loopback'],
    ['127.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['ff02::1', 'multicast'],
    ['::7f00:1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'Teredo tunnel'],
    ['::ffff:127.0.0.1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped 169.254.169.254: cloud metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped 10.0.0.1: private'],
    ['::ffff:0:7f00:1', 'IPv4-translated 127.0.0.1: loopback'],
    ['64:ff9b::a00:1', 'NAT64 10.0.0.1: private'],
    ['64:ff9b::7f00:1', 'NAT64 127.0.0.1: loopback'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:c0a8:101::1', '6to4 192.168.1.1: private'],
    ['2002:a9fe:a9fe::', '6to4 169.254.169.254: cloud metadata'],
  ])('refuses %s (%s)', (ip, label) => {
    const verdict = checkAddress(ip);
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining(`is not allowed (${label})`) });
  });

  it('words the reason with the canonical address', () => {
    expect(checkAddress('0x7f000001')).toEqual({
      allowed: false,
      reason: 'destination address 127.0.0.1 is not allowed (loopback)',
    });
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public address %s', (ip) => expect(checkAddress(ip)).toEqual({ allowed: true }));

  it('refuses what is not an IP address', () => {
    expect(checkAddress('example.com')).toEqual({
      allowed: false,
      reason: 'destination example.com is not an IP address',
    });
  });

  describe('OUTBOUND_ALLOW', () => {
    const allow = compileAllowList([
      '127.0.0.1',
      ' 10.1.0.0/16 ',
      'fd00::/8',
      'Files.Internal.',
      '::ffff:192.168.0.0/112',
    ]);

    it.each(['127.0.0.1', '::ffff:127.0.0.1', '10.1.2.3', 'fd12::1', '192.168.5.5'])('exempts %s', (ip) =>
      expect(checkAddress(ip, allow)).toEqual({ allowed: true }),
    );

    it.each(['127.0.0.2', '10.2.0.1', 'fc00::1', '::1', '169.254.169.254'])('still refuses %s', (ip) =>
      expect(checkAddress(ip, allow).allowed).toBe(false),
    );

    it('keeps hostnames apart from ranges, normalized', () => {
      expect([...allow.hosts]).toEqual(['files.internal']);
      expect(allow.ranges).toHaveLength(4);
    });

    it('names an entry that is neither a host, an IP nor a CIDR', () => {
      expect(() => compileAllowList(['ok.example', 'bad host'])).toThrow(
        'OUTBOUND_ALLOW: "bad host" is not a hostname',
      );
      expect(() => compileAllowList(['10.0.0.0/33'])).toThrow('OUTBOUND_ALLOW: "10.0.0.0/33"');
    });
  });
});
