import { h } from './dom';
import { i18n, t } from '../i18n/i18n';
import { fileNameEl } from './file-name';
import { iconFor, isPdf, pagesLabel } from './previews';

export type CardState = 'ready' | 'refused' | 'uploading' | 'failed' | 'waiting' | 'done';

export interface CardActions {
  remove?: () => void;
  cancel?: () => void;
  retry?: () => void;
}

/** One file before or while it is sent: preview, name, size, state, progress and its actions. */
export class FileCard {
  readonly el: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly reason: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly buttons: HTMLElement;
  private pages: number | null = null;
  private state: CardState = 'ready';

  constructor(
    blob: Blob | null,
    readonly name: string,
    readonly size: number,
    type: string,
    private readonly actions: CardActions,
  ) {
    this.sub = h('div', { class: 'sub' });
    this.reason = h('div', { class: 'reason', role: 'alert' });
    this.bar = h('progress', {
      max: '100',
      value: '0',
      hidden: true,
      'aria-label': t('uploadProgress', { name }),
    });
    this.buttons = h('div', { class: 'actions' });
    const icon = iconFor(blob, name, type, (pages) => {
      this.pages = pages;
      this.renderSub();
    });
    this.el = h(
      'div',
      { class: 'card', 'data-file': name, 'data-kind': isPdf(type, name) ? 'pdf' : 'file' },
      icon,
      h('div', { class: 'meta' }, fileNameEl(name), this.sub, this.reason, this.bar),
      this.buttons,
    );
    this.set('ready');
  }

  set(state: CardState, reason = ''): void {
    this.state = state;
    this.el.className = `card ${state}`;
    this.el.dataset['state'] = state;
    this.reason.textContent = reason;
    this.bar.hidden = state !== 'uploading';
    if (state !== 'uploading') this.bar.value = state === 'done' ? 100 : 0;
    this.renderSub();
    this.renderButtons();
  }

  progress(loaded: number, total: number): void {
    this.bar.value = total ? Math.round((loaded / total) * 100) : 0;
    this.el.dataset['progress'] = String(this.bar.value);
  }

  private renderSub(): void {
    const parts = [i18n.size(this.size)];
    if (this.pages !== null) parts.push(`PDF · ${pagesLabel(this.pages)}`);
    if (this.state === 'waiting') parts.push(t('waiting'));
    if (this.state === 'uploading') parts.push(t('sending'));
    if (this.state === 'done') parts.push(t('uploaded'));
    this.sub.textContent = parts.join(' · ');
  }

  private renderButtons(): void {
    const b: HTMLButtonElement[] = [];
    const { remove, cancel, retry } = this.actions;
    if (this.state === 'uploading' && cancel)
      b.push(h('button', { type: 'button', class: 'cancel', onclick: cancel }, t('cancel')));
    if (this.state === 'failed' && retry)
      b.push(h('button', { type: 'button', class: 'retry', onclick: retry }, t('retry')));
    if (this.state !== 'uploading' && this.state !== 'done' && remove) {
      b.push(
        h(
          'button',
          {
            type: 'button',
            class: 'remove',
            'aria-label': t('removeFile', { name: this.name }),
            onclick: remove,
          },
          t('remove'),
        ),
      );
    }
    this.buttons.replaceChildren(...b);
  }
}
