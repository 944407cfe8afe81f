import type { MessageDto } from '@satchel/contracts';
import type { AttachmentViewDeps } from './attachment-view';
import { h } from './dom';
import { messageView } from './message-view';
import { t } from '../i18n/i18n';

/** A read-only transcript: the messages with their files, then the ended notice. */
export function transcriptBody(messages: MessageDto[], deps: AttachmentViewDeps): HTMLElement {
  const log = h('div', { class: 'log', role: 'log', 'aria-label': t('earlierConversation'), tabindex: '0' });
  if (!messages.length) log.append(h('div', { class: 'why' }, t('noneKept')));
  for (const m of messages) log.append(messageView(m, deps));
  log.append(h('div', { class: 'why' }, t('ended')));
  return log;
}
