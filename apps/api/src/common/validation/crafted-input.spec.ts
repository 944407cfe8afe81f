import { bodyProblem, paramsProblem, queryProblem } from './crafted-input';
import { toPlainInteger } from './int-range';

describe('crafted input checks', () => {
  it('wants every query parameter once, as plain text', () => {
    expect(queryProblem({ sig: ['a', 'b'] })).toMatchObject({ field: 'sig', code: 'INVALID_QUERY' });
    expect(queryProblem({ 'q[]': 'x' })).toMatchObject({ field: 'q[]', code: 'INVALID_QUERY' });
    expect(queryProblem({ q: { a: 'x' } })).toMatchObject({ field: 'q', code: 'INVALID_QUERY' });
    expect(queryProblem({ q: 'a\u0000b' })).toMatchObject({ field: 'q', code: 'CONTROL_CHARACTERS' });
    expect(queryProblem({ q: 'a\tb' })).toMatchObject({ code: 'CONTROL_CHARACTERS' });
    expect(queryProblem({ q: 'héllo wörld', page: '2' })).toBeUndefined();
  });

  it('refuses control characters in path parameters', () => {
    expect(paramsProblem({ name: 'a\u0000.png' })).toMatchObject({ field: 'name' });
    expect(paramsProblem({ name: 'a b.png' })).toBeUndefined();
  });

  it('wants id and …Id path parameters to be UUIDs', () => {
    expect(paramsProblem({ chatId: 'nope' })).toMatchObject({ field: 'chatId', code: 'INVALID_ID' });
    expect(paramsProblem({ id: "1' OR 1=1" })).toMatchObject({ field: 'id', code: 'INVALID_ID' });
    expect(paramsProblem({ id: '3F1E7C8A-9B2D-4C1E-8F00-123456789ABC', name: 'x' })).toBeUndefined();
  });

  it('allows tab and newlines in bodies, not other controls, at any depth', () => {
    expect(bodyProblem({ text: 'a\r\n\tb' })).toBeUndefined();
    expect(bodyProblem({ steps: [{ text: 'x\u0000' }] })).toMatchObject({ field: 'steps.0.text' });
    expect(bodyProblem({ 'k\u0001': 1 })).toMatchObject({ code: 'CONTROL_CHARACTERS' });
    expect(bodyProblem({ a: '\u007f' })).toMatchObject({ field: 'a' });
    expect(bodyProblem({ email: '\ud800@x.io' })).toMatchObject({ field: 'email', code: 'INVALID_TEXT' });
    expect(bodyProblem({ text: 'emoji \ud83d\ude00 ok' })).toBeUndefined();
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(bodyProblem(deep)).toMatchObject({ code: 'BODY_TOO_DEEP' });
  });

  it('turns only plain decimal integers into numbers', () => {
    expect(toPlainInteger('42')).toBe(42);
    expect(toPlainInteger('-3')).toBe(-3);
    for (const v of ['1e20', '0x10', '1.5', '', ' 1', '9999999999999999', 'abc'])
      expect(toPlainInteger(v)).toBeNaN();
  });
});
