import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('loads once within the TTL, again after it or after delete', async () => {
    const cache = new TtlCache<number>(50);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    cache.delete('a');
    expect(await cache.get('a', load)).toBe(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('a', load)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<number>(1000);
    await expect(cache.get('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('a', async () => 7)).toBe(7);
  });
});
