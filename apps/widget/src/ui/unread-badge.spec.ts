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
});
