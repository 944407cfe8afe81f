import { previewText, UnreadBadge } from './unread-badge';

describe('unread badge', () => {
  it('cuts a long preview at a word, on one line', () => {
    expect(previewText('Hello\n\nthere')).toBe('Hello there');
    const long = previewText('word '.repeat(40), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long).toMatch(/word…$/);
  });

  it('counts, previews the newest message, and clears', () => {
    const launcher = document.createElement('button');
    const open = jest.fn();
    const badge = new UnreadBadge(launcher, open);
    badge.add('Olivia', 'First');
    badge.add('Olivia', 'Second reply');
    expect(launcher.querySelector('.badge')?.textContent).toBe('2');
    expect(launcher.getAttribute('aria-label')).toBe('Open chat, 2 unread');
    expect(badge.bubble.textContent).toContain('Second reply');
    expect(badge.bubble.hidden).toBe(false);
    badge.bubble.querySelector<HTMLButtonElement>('.bubble-dismiss')?.click();
    expect(badge.bubble.hidden).toBe(true);
    expect(badge.unread).toBe(2);
    badge.bubble.querySelector<HTMLButtonElement>('.bubble-open')?.click();
    expect(open).toHaveBeenCalled();
    badge.clear();
    expect((launcher.querySelector('.badge') as HTMLElement).hidden).toBe(true);
    expect(badge.unread).toBe(0);
  });

  it('keeps the count, preview and dismissal per key across pages, and forgets them on clear', () => {
    localStorage.clear();
    const first = new UnreadBadge(document.createElement('button'), jest.fn());
    first.keepAs('satchel:unread:c1');
    first.add('Olivia', 'Your parcel left');
    const launcher = document.createElement('button');
    const next = new UnreadBadge(launcher, jest.fn());
    next.keepAs('satchel:unread:c1');
    expect(next.unread).toBe(1);
    expect(next.bubble.textContent).toContain('Your parcel left');
    next.bubble.querySelector<HTMLButtonElement>('.bubble-dismiss')?.click();
    const third = new UnreadBadge(document.createElement('button'), jest.fn());
    third.keepAs('satchel:unread:c1');
    expect(third.unread).toBe(1);
    expect(third.bubble.hidden).toBe(true);
    third.clear();
    const fourth = new UnreadBadge(document.createElement('button'), jest.fn());
    fourth.keepAs('satchel:unread:c1');
    expect(fourth.unread).toBe(0);
    fourth.keepAs('satchel:unread:c2');
    expect(fourth.unread).toBe(0);
  });
});
