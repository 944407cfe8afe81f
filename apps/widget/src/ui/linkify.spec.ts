import type { MessageDto } from '@satchel/contracts';
import type { AttachmentViewDeps } from './attachment-view';
import { messageView } from './message-view';

const msg = (text: string, createdAt = new Date(Date.now() - 3 * 60_000).toISOString()): MessageDto => ({
  id: 'm1',
  chatId: 'c1',
  text,
  author: { role: 'operator', id: null, name: 'Olga' },
  attachments: [],
  createdAt,
});

describe('message text: safe links, line breaks, timestamps', () => {
  it('makes http(s) and mailto addresses links that open in a new tab without a referrer', () => {
    const el = messageView(
      msg('See https://example.test/help. Or mailto:help@example.test'),
      {} as AttachmentViewDeps,
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.test/help',
      'mailto:help@example.test',
    ]);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
  });

  it('leaves javascript: and HTML as plain text and keeps line breaks', () => {
    const text = 'javascript:alert(1)\n<img src=x onerror=alert(1)>\nline three';
    const el = messageView(msg(text), {} as AttachmentViewDeps);
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.text')?.textContent).toBe(text);
  });

  it('shows when it was written, relative, with the full date and time on hover', () => {
    const el = messageView(msg('hi'), {} as AttachmentViewDeps);
    const time = el.querySelector('time');
    expect(time?.textContent).toBe('3 min. ago');
    expect(time?.getAttribute('title')).toMatch(/\d{4}/);
  });
});
