import { KindRegistry } from './kind-registry';

describe('KindRegistry', () => {
  const registry = () => new KindRegistry<'a' | 'b', { kind: 'a' | 'b'; n: number }>('thing', ['a', 'b']);

  it('lists what was registered in its fixed order, whatever the registration order', () => {
    const r = registry();
    r.register({ kind: 'b', n: 2 });
    r.register({ kind: 'a', n: 1 });
    expect(r.all().map((t) => t.n)).toEqual([1, 2]);
    expect(r.get('b').n).toBe(2);
  });

  it('names a missing or doubly registered kind', () => {
    const r = registry();
    r.register({ kind: 'a', n: 1 });
    expect(r.all()).toHaveLength(1);
    expect(() => r.get('b')).toThrow('No thing registered for "b"');
    expect(() => r.register({ kind: 'a', n: 3 })).toThrow('thing "a" is registered twice');
  });
});
