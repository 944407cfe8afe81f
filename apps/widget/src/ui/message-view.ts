import type { FileRequestDto, MessageDto } from '@satchel/contracts';
import { attachmentView, type AttachmentViewDeps } from './attachment-view';
import { h } from './dom';
import { t } from '../i18n/i18n';
import { textNodes, timeView } from './linkify';

export interface RequestActions {
  upload: (r: FileRequestDto) => void;
  skip: (r: FileRequestDto) => void;
}

/** A message bubble: author, text, attachments, and, for a file request, its upload button. */
export function messageView(m: MessageDto, deps: AttachmentViewDeps): HTMLElement {
  const mine = m.author.role === 'visitor';
  const el = h(
    'div',
    { class: `msg ${mine ? 'mine' : ''}`, 'data-message': m.id, 'data-role': m.author.role },
    authorLabel(m, mine),
    m.text ? h('div', { class: 'text' }, ...textNodes(m.text)) : null,
  );
  if (m.attachments.length)
    el.append(h('div', { class: 'files' }, ...m.attachments.map((a) => attachmentView(a, deps))));
  el.append(timeView(m.createdAt));
  return el;
}

/** Who wrote it: the name above others' bubbles; "You" for screen readers only on the visitor's own. */
function authorLabel(m: MessageDto, mine: boolean): HTMLElement {
  if (mine) return h('span', { class: 'sr-only' }, t('you'));
  return h('div', { class: 'who' }, m.author.name, h('span', { class: 'sr-only' }, ':'));
}

/** The request part of a message: "Upload file" (and "Skip") while open, a note once resolved. */
export function requestView(r: FileRequestDto, actions: RequestActions): HTMLElement {
  if (r.status === 'fulfilled')
    return h('div', { class: 'request-done', 'data-request': r.id }, t('fileReceived'));
  if (r.status === 'skipped') return h('div', { class: 'request-done', 'data-request': r.id }, t('skipped'));
  if (r.status !== 'open')
    return h('div', { class: 'request-done', 'data-request': r.id }, t('requestClosed'));
  return h(
    'div',
    { class: 'request', 'data-request': r.id },
    h('button', { type: 'button', class: 'upload', onclick: () => actions.upload(r) }, t('uploadFile')),
    r.skippable
      ? h('button', { type: 'button', class: 'skip', onclick: () => actions.skip(r) }, t('skip'))
      : null,
  );
}
