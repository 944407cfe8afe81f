import type { MessageDto } from '@satchel/contracts';
import type { AttachmentViewDeps } from './attachment-view';
import { messageView } from './message-view';

const deps = {} as AttachmentViewDeps;

const msg = (role: MessageDto['author']['role'], name: string, text: string): MessageDto => ({
  id: `m-${role}`,
  chatId: 'c1',
  text,
  author: { role, id: null, name },
  attachments: [],
  createdAt: '2026-01-01T00:00:00Z',
});

describe('messageView: every message says who wrote it (read aloud by screen readers)', () => {
  it('reads "You:" before the visitor’s own message, with nothing shown on screen', () => {
    const el = messageView(msg('visitor', 'Ada', 'Hello'), deps);
    expect(el.textContent).toBe(`You: Hello${el.querySelector('time')?.textContent ?? ''}`);
    expect(el.querySelector('.sr-only')?.textContent).toBe('You: ');
  });

  it('reads the author’s name and a colon before an operator’s or the bot’s message', () => {
    const op = messageView(msg('operator', 'Olga', 'Hi there'), deps);
    expect(op.textContent).toBe(`Olga:Hi there${op.querySelector('time')?.textContent ?? ''}`);
    expect(messageView(msg('bot', 'Acme Bot', 'Hi'), deps).querySelector('.who')?.textContent).toBe(
      'Acme Bot:',
    );
  });
});
