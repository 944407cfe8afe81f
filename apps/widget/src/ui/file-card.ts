import { h } from './dom';
import { i18n, t } from '../i18n/i18n';
import { fileNameEl } from './file-name';
import { iconFor, isPdf, pagesLabel } from './previews';

export type CardState = 'ready' | 'refused' | 'uploading' | 'paused' | 'failed' | 'waiting' | 'done';

export interface CardActions {
  remove?: () => void;
  cancel?: () => void;
  retry?: () => void;
  pause?: () => void;
  resume?: () => void;
}

/** One file before or while it is sent: preview, name, size, state, progress and its actions. */
export class FileCard {
  readonly el: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly reason: HTMLElement;
  private readonly bar: HTMLProgressElement;
  /** Percentage, speed and time left while it is sent. */
  private readonly rate: HTMLElement;
  /** Sent through tus: it can pause. */
  resumable = false;
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
    this.rate = h('div', { class: 'rate', 'aria-live': 'off' });
    this.buttons = h('div', { class: 'actions' });
    const icon = iconFor(blob, name, type, (pages) => {
      this.pages = pages;
      this.renderSub();
    });
    this.el = h(
      'div',
      { class: 'card', 'data-file': name, 'data-kind': isPdf(type, name) ? 'pdf' : 'file' },
      icon,
      h('div', { class: 'meta' }, fileNameEl(name), this.sub, this.reason, this.bar, this.rate),
      this.buttons,
    );
    this.set('ready');
  }

  set(state: CardState, reason = ''): void {
    this.state = state;
    this.el.className = `card ${state}`;
    this.el.dataset['state'] = state;
    this.reason.textContent = reason;
    const moving = state === 'uploading' || state === 'paused';
    this.bar.hidden = !moving;
    this.rate.hidden = !moving;
    if (!moving) this.bar.value = state === 'done' ? 100 : 0;
    // Paused: no speed or time left, only how far it got.
    if (state === 'paused') this.progress(this.bar.value, 100);
    this.renderSub();
    this.renderButtons();
  }

  progress(loaded: number, total: number, speed = 0, eta: number | null = null): void {
    this.bar.value = total ? Math.round((loaded / total) * 100) : 0;
    this.el.dataset['progress'] = String(this.bar.value);
    const parts = [i18n.percent(this.bar.value / 100)];
    if (speed) parts.push(t('speed', { size: i18n.size(speed) }));
    if (eta !== null) parts.push(t('timeLeft', { time: i18n.duration(eta) }));
    this.rate.textContent = parts.join(' · ');
  }

  private renderSub(): void {
    const parts = [i18n.size(this.size)];
    if (this.pages !== null) parts.push(`PDF · ${pagesLabel(this.pages)}`);
    if (this.state === 'waiting') parts.push(t('waiting'));
    if (this.state === 'uploading') parts.push(t('sending'));
    if (this.state === 'paused') parts.push(t('paused'));
    if (this.state === 'done') parts.push(t('uploaded'));
    this.sub.textContent = parts.join(' · ');
  }

  private renderButtons(): void {
    const b: HTMLButtonElement[] = [];
    const { remove, cancel, retry, pause, resume } = this.actions;
    const button = (cls: string, onclick: () => void, key: 'pause' | 'resume' | 'cancel') =>
      b.push(h('button', { type: 'button', class: cls, onclick }, t(key)));
    if (this.state === 'uploading' && this.resumable && pause) button('pause', pause, 'pause');
    if (this.state === 'paused' && resume) button('resume', resume, 'resume');
    if ((this.state === 'uploading' || this.state === 'paused') && cancel) button('cancel', cancel, 'cancel');
    if (this.state === 'failed' && retry)
      b.push(h('button', { type: 'button', class: 'retry', onclick: retry }, t('retry')));
    if (this.state !== 'uploading' && this.state !== 'paused' && this.state !== 'done' && remove) {
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
