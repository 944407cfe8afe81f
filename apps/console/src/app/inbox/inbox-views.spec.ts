import type { ChatDto } from '@satchel/contracts';
import { inView } from './inbox-views';
import { webUrl } from './visitor-panel';

const chat = (over: Partial<ChatDto>): ChatDto => ({
  id: 'c1',
  accountId: 'a1',
  status: 'open',
  visitorName: 'Vera',
  source: 'widget',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastMessageAt: null,
  closedAt: null,
  lastMessagePreview: null,
  assignee: null,
  ...over,
});

describe('inView', () => {
  const me = 'u1';
  const mine = chat({ assignee: { id: me, name: 'Me' } });
  const theirs = chat({ assignee: { id: 'u2', name: 'Olga' } });

  it('puts open and pending chats in All open, closed ones only in Closed', () => {
    expect(inView('open', chat({}), me)).toBe(true);
    expect(inView('open', chat({ status: 'pending' }), me)).toBe(true);
    expect(inView('open', chat({ status: 'closed' }), me)).toBe(false);
    expect(inView('closed', chat({ status: 'closed' }), me)).toBe(true);
    expect(inView('closed', chat({}), me)).toBe(false);
  });

  it('splits Mine and Unassigned by assignee', () => {
    expect(inView('mine', mine, me)).toBe(true);
    expect(inView('mine', theirs, me)).toBe(false);
    expect(inView('unassigned', chat({}), me)).toBe(true);
    expect(inView('unassigned', theirs, me)).toBe(false);
    expect(inView('mine', { ...mine, status: 'closed' }, me)).toBe(false);
  });
});

describe('webUrl', () => {
  it('links web pages only', () => {
    expect(webUrl('https://shop.example/checkout?x=1')).toBe('https://shop.example/checkout?x=1');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('data:text/html,hi')).toBeNull();
    expect(webUrl('not a url')).toBeNull();
    expect(webUrl(undefined)).toBeNull();
  });
});
