import type { EarlierChat } from '../session/earlier-chats';
import { h } from './dom';
import { i18n, t } from '../i18n/i18n';

export function whenLabel(iso: string): string {
  return i18n.date(iso);
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
