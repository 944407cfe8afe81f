import { SessionStore } from './session-store';

describe('SessionStore', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the chat per widget key across instances (a reload)', () => {
    new SessionStore('wk_a').save({ chatId: 'c1', visitorToken: 't1' });
    expect(new SessionStore('wk_a').load()).toEqual({ chatId: 'c1', visitorToken: 't1' });
    expect(new SessionStore('wk_b').load()).toBeNull();
  });

  it('ignores corrupt or partial values', () => {
    localStorage.setItem('satchel:session:wk_a', '{not json');
    expect(new SessionStore('wk_a').load()).toBeNull();
    localStorage.setItem('satchel:session:wk_a', JSON.stringify({ chatId: 'c1' }));
    expect(new SessionStore('wk_a').load()).toBeNull();
  });

  it('forgets a session on clear', () => {
    const s = new SessionStore('wk_a');
    s.save({ chatId: 'c1', visitorToken: 't1' });
    s.clear();
    expect(s.load()).toBeNull();
  });
});
