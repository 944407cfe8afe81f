import type { MessageDto } from '@satchel/contracts';
import { h } from './dom';
import { t } from '../i18n/i18n';

/** Replaces the composer once the chat is closed. */
export function endedNotice(startNew: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'start', onclick: startNew }, t('startNew'));
  return h('div', {}, h('div', { class: 'why' }, t('ended')), button);
}

/** The last message of a conversation as a one-line hint. */
export function lastWords(messages: MessageDto[]): string {
  const last = messages.at(-1);
  if (!last) return '';
  return (last.text || last.attachments.map((a) => a.name).join(', ')).replace(/\s+/g, ' ').slice(0, 80);
}
