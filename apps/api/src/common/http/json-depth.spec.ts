import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  const depth = (s: string) => jsonDepth(Buffer.from(s));

  it('counts nested objects and arrays', () => {
    expect(depth('1')).toBe(0);
    expect(depth('{"a":[1,{"b":[]}]}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depth('{"a":"[[[{{{","b":"\\"[[[["}')).toBe(1);
  });

  it('stops counting once past the limit', () => {
    expect(depth('['.repeat(1000))).toBe(1000);
    expect(jsonDepth(Buffer.from('['.repeat(1000)), 64)).toBe(65);
  });
});
