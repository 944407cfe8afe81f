import type { MessageDto } from '@satchel/contracts';
import type { EarlierChat } from '../session/earlier-chats';
import type { AttachmentViewDeps } from './attachment-view';
import { h } from './dom';
import { messageView } from './message-view';
import { i18n, t } from '../i18n/i18n';

export function whenLabel(iso: string): string {
  return i18n.date(iso);
}

/** Replaces the composer once the chat is closed. */
export function endedNotice(startNew: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'start', onclick: startNew }, t('startNew'));
  return h('div', {}, h('div', { class: 'why' }, t('ended')), button);
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
  details.replaceChildren(h('summary', {}, t('earlier', { n: chats.length })), h('ul', {}, ...items));
}

/** A read-only transcript: the messages with their files, then the ended notice. */
export function transcriptBody(messages: MessageDto[], deps: AttachmentViewDeps): HTMLElement {
  const log = h('div', { class: 'log', role: 'log', 'aria-label': t('earlierConversation') });
  if (!messages.length) log.append(h('div', { class: 'why' }, t('noneKept')));
  for (const m of messages) log.append(messageView(m, deps));
  log.append(h('div', { class: 'why' }, t('ended')));
  return log;
}

/** The last message of a conversation as a one-line hint. */
export function lastWords(messages: MessageDto[]): string {
  const last = messages.at(-1);
  if (!last) return '';
  return (last.text || last.attachments.map((a) => a.name).join(', ')).replace(/\s+/g, ' ').slice(0, 80);
}
