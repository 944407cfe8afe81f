import { EarlierChats, type EarlierChat } from './earlier-chats';

const chat = (n: number): EarlierChat => ({
  chatId: `c${n}`,
  visitorToken: `t${n}`,
  endedAt: new Date(2026, 0, n).toISOString(),
  preview: `last words ${n}`,
});

describe('EarlierChats', () => {
  beforeEach(() => localStorage.clear());

  it('lists ended chats newest first, per widget key, without duplicates', () => {
    const store = new EarlierChats('wk_a');
    store.add(chat(1));
    store.add(chat(2));
    store.add(chat(1));
    expect(new EarlierChats('wk_a').list().map((c) => c.chatId)).toEqual(['c1', 'c2']);
    expect(new EarlierChats('wk_b').list()).toEqual([]);
  });

  it('keeps ten and forgets the cached messages of the ones it drops', () => {
    const store = new EarlierChats('wk_a');
    for (let n = 1; n <= 11; n++) {
      localStorage.setItem(`satchel:messages:c${n}`, '[]');
      store.add(chat(n));
    }
    expect(store.list()).toHaveLength(10);
    expect(store.list().at(-1)?.chatId).toBe('c2');
    expect(localStorage.getItem('satchel:messages:c1')).toBeNull();
    expect(localStorage.getItem('satchel:messages:c2')).toBe('[]');
  });

  it('ignores corrupt entries', () => {
    localStorage.setItem('satchel:history:wk_a', JSON.stringify([{ chatId: 'x' }, chat(3), 'junk']));
    expect(new EarlierChats('wk_a').list()).toEqual([chat(3)]);
    localStorage.setItem('satchel:history:wk_a', '{oops');
    expect(new EarlierChats('wk_a').list()).toEqual([]);
  });
});
