import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { compileAllowList } from './address-policy';
import { createGuardedLookup } from './guarded-lookup';
import { OutboundBlockedError } from './outbound.types';

function resolve(lookup: LookupFunction, host: string, all = false): Promise<string | LookupAddress[]> {
  return new Promise((ok, fail) => lookup(host, { all }, (err, address) => (err ? fail(err) : ok(address))));
}

describe('guarded lookup', () => {
  const guarded = createGuardedLookup(compileAllowList([]));

  it.each([
    'localhost',
    '127.0.0.1',
    '0x7f000001',
    '2130706433',
    '127.1',
    '0177.0.0.1',
    '::1',
    '::ffff:127.0.0.1',
    '127.0.0.5',
  ])('refuses %s', async (host) => {
    const err: unknown = await resolve(guarded, host).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect((err as OutboundBlockedError).reason).toMatch(/^destination address \S+ is not allowed \(.+\)$/);
  });

  it('reads the numeric forms the way the URL parser does', () => {
    for (const url of ['http://0x7f000001/', 'http://2130706433/', 'http://127.1/', 'http://0177.0.0.1/']) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
    }
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
  });

  it('resolves an OUTBOUND_ALLOW address, a listed hostname, in both answer shapes', async () => {
    const byRange = createGuardedLookup(compileAllowList(['127.0.0.0/8']));
    expect(await resolve(byRange, '127.0.0.1')).toBe('127.0.0.1');
    expect(await resolve(byRange, '127.0.0.1', true)).toEqual([{ address: '127.0.0.1', family: 4 }]);
    const byName = createGuardedLookup(compileAllowList(['localhost']));
    expect(await resolve(byName, 'localhost', true)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) }),
      ]),
    );
    await expect(resolve(byName, '127.0.0.1')).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it('passes resolver errors through', async () => {
    await expect(resolve(guarded, 'no-such-host.invalid')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
