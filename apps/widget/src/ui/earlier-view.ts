import type { MessageDto } from '@satchel/contracts';
import type { EarlierChat } from '../session/earlier-chats';
import type { AttachmentViewDeps } from './attachment-view';
import { h } from './dom';
import { messageView } from './message-view';

export const ENDED_TEXT = 'This conversation has ended';

export function whenLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Replaces the composer once the chat is closed. */
export function endedNotice(startNew: () => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'start', onclick: startNew },
    'Start a new conversation',
  );
  return h('div', {}, h('div', { class: 'why' }, ENDED_TEXT), button);
}

/** Fills the "Earlier conversations" list (hidden when there is none). */
export function renderEarlier(
  details: HTMLElement,
  chats: EarlierChat[],
  open: (c: EarlierChat) => void,
): void {
  details.hidden = chats.length === 0;
  const items = chats.map((c) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', 'data-chat': c.chatId, onclick: () => open(c) },
        h('span', { class: 'when' }, whenLabel(c.endedAt)),
        c.preview ? h('span', { class: 'hint' }, c.preview) : null,
      ),
    ),
  );
  details.replaceChildren(h('summary', {}, `Earlier conversations (${chats.length})`), h('ul', {}, ...items));
}

/** A read-only transcript: the messages with their files, then the ended notice. */
export function transcriptBody(messages: MessageDto[], deps: AttachmentViewDeps): HTMLElement {
  const log = h('div', { class: 'log', role: 'log', 'aria-label': 'Earlier conversation' });
  if (!messages.length)
    log.append(h('div', { class: 'why' }, 'No messages were kept for this conversation.'));
  for (const m of messages) log.append(messageView(m, deps));
  log.append(h('div', { class: 'why' }, ENDED_TEXT));
  return log;
}

/** The last message of a conversation as a one-line hint. */
export function lastWords(messages: MessageDto[]): string {
  const last = messages.at(-1);
  if (!last) return '';
  return (last.text || last.attachments.map((a) => a.name).join(', ')).replace(/\s+/g, ' ').slice(0, 80);
}
