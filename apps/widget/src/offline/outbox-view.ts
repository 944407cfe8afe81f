import { h } from '../ui/dom';
import { FileCard } from '../ui/file-card';
import type { OutboxEntry } from './outbox';
import { t } from '../i18n/i18n';

/** A queued message in the log: its text and files marked as waiting for the connection. */
export class OutboxView {
  readonly el: HTMLElement;
  readonly cards = new Map<string, FileCard>();
  private readonly note = h('div', { class: 'who' }, t('waiting'));

  constructor(entry: OutboxEntry) {
    for (const f of entry.files) {
      const card = new FileCard(f.blob, f.name, f.size, f.type, {});
      card.set(f.attachmentId ? 'done' : 'waiting');
      this.cards.set(f.id, card);
    }
    this.el = h(
      'div',
      { class: 'msg mine waiting', 'data-outbox': entry.id },
      this.note,
      entry.text ? h('div', { class: 'text' }, entry.text) : null,
      h('div', { class: 'files' }, ...[...this.cards.values()].map((c) => c.el)),
    );
  }

  sending(on: boolean): void {
    this.note.textContent = t(on ? 'sending' : 'waiting');
    this.el.dataset['sending'] = String(on);
  }

  failed(reason: string): void {
    this.note.textContent = t('notSentBecause', { reason });
    this.el.classList.remove('waiting');
    this.el.classList.add('failed');
  }
}
