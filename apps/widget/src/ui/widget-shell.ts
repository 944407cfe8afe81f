import { PREVIEW_LOADED } from './attachment-view';
import { h } from './dom';
import { trapTab } from './focus-trap';
import { UnreadBadge } from './unread-badge';
import { WIDGET_CSS } from './styles';
import type { WidgetAppearance } from '@satchel/contracts';
import { i18n } from '../i18n/i18n';
import { brandCss, chatIcon } from './appearance-view';
import type { PreChatAnswer } from './prechat-form';
import { loadExtras, type ExtrasModule } from './extras-loader';

export interface ShellEvents {
  files: (files: File[]) => void;
  submit: (text: string) => void;
  /** The picker's `accept` for the paperclip: the allowed types of the visitor's rule, if known. */
  accept: () => string | null;
  /** The panel was opened or closed (by the visitor or the host page). */
  toggled?: (open: boolean) => void;
  /** The header's search button (shown once there is a chat). */
  search?: () => void;
}

/** The widget's DOM inside an open shadow root: launcher, panel, log, tray, composer, drop zone, lightbox. */
export class WidgetShell {
  readonly panel: HTMLElement;
  readonly log: HTMLElement;
  readonly tray: HTMLElement;
  readonly status: HTMLElement;
  readonly notice: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly picker: HTMLInputElement;
  private readonly lightbox: HTMLElement;
  private readonly drop: HTMLElement;
  private pickerCallback: ((files: File[]) => void) | null = null;
  private readonly root: ShadowRoot;
  private closeImage: (() => void) | null = null;
  private closeTranscript: (() => void) | null = null;
  private readonly composer: HTMLFormElement;
  private readonly transcript: HTMLElement;
  /** "Earlier conversations": the visitor's ended chats in this browser. */
  readonly earlier: HTMLElement;
  /** Shown instead of the composer once the conversation has ended. */
  readonly ended: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    events: ShellEvents,
  ) {
    const root = host.attachShadow({ mode: 'open' });
    this.root = root;
    this.brandSheet = adoptStyles(root);
    this.status = h('span', { class: 'status', 'aria-live': 'polite' });
    this.notice = h('div', { class: 'notice', hidden: true, role: 'status' });
    this.log = i18n.bind(
      h('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' }),
      'conversation',
      undefined,
      'aria-label',
    );
    this.tray = i18n.bind(h('div', { class: 'tray' }), 'filesToSend', undefined, 'aria-label');
    this.input = i18n.bind(h('textarea', { rows: '1' }), 'message', undefined, 'aria-label');
    i18n.bind(this.input, 'placeholder', undefined, 'placeholder');
    this.picker = i18n.bind(
      h('input', { type: 'file', multiple: true, hidden: true }),
      'chooseFiles',
      undefined,
      'aria-label',
    );
    this.drop = i18n.bind(h('div', { class: 'drop', hidden: true }), 'dropFiles');
    this.lightbox = i18n.bind(
      h('div', { class: 'lightbox', hidden: true, role: 'dialog', 'aria-modal': 'true' }),
      'image',
      undefined,
      'aria-label',
    );
    this.earlier = h('details', { class: 'earlier', hidden: true });
    this.ended = h('div', { class: 'ended', hidden: true, role: 'status' });
    this.transcript = h('section', {
      class: 'transcript',
      hidden: true,
      role: 'dialog',
      'aria-modal': 'true',
    });
    const launcher = h('button', { type: 'button', class: 'launcher' }, chatIcon());
    this.unread = new UnreadBadge(launcher, () => this.toggle(true));
    const form = h(
      'form',
      { class: 'composer' },
      h(
        'button',
        {
          type: 'button',
          class: 'clip',
          onclick: () => this.pick(events.accept(), events.files),
        },
        clipIcon(),
      ),
      this.picker,
      this.input,
      i18n.bind(h('button', { type: 'submit', class: 'send' }), 'send'),
    );
    this.panel = h(
      'section',
      { class: 'panel', hidden: true },
      h(
        'header',
        {},
        this.avatar,
        this.title,
        this.status,
        this.search,
        i18n.bind(
          h('button', { type: 'button', onclick: () => this.toggle(false) }, '×'),
          'closeChat',
          undefined,
          'aria-label',
        ),
      ),
      this.notice,
      this.away,
      this.intro,
      this.earlier,
      this.log,
      this.ended,
      this.tray,
      form,
      this.drop,
      this.transcript,
      this.lightbox,
    );
    i18n.bind(this.panel, 'panel', undefined, 'aria-label');
    const clip = form.querySelector('.clip');
    if (clip) {
      i18n.bind(clip, 'attachFiles', undefined, 'aria-label');
      i18n.bind(clip, 'attachFiles', undefined, 'title');
    }
    i18n.bind(this.search, 'searchChat', undefined, 'aria-label');
    i18n.bind(this.search, 'searchChat', undefined, 'title');
    this.search.onclick = () => events.search?.();
    i18n.bindText(this.title, () => this.teamName ?? i18n.t('title'));
    launcher.addEventListener('click', () => this.toggle(true));
    this.launcher = launcher;
    this.composer = form;
    root.append(this.unread.bubble, launcher, this.panel);
    this.events = events;

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      events.submit(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        events.submit(this.input.value);
      }
    });
    this.picker.addEventListener('change', () => {
      const files = [...(this.picker.files ?? [])];
      this.picker.value = '';
      if (files.length) this.pickerCallback?.(files);
    });
    this.input.addEventListener('paste', (e) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length) {
        e.preventDefault();
        events.files(files);
      }
    });
    this.log.addEventListener(PREVIEW_LOADED, () => this.scrollToEnd());
    this.panel.addEventListener('keydown', (e) => this.onKey(e));
    this.listenForDrops(events.files);
  }

  private readonly launcher: HTMLButtonElement;
  private readonly events: ShellEvents;
  private readonly brandSheet: CSSStyleSheet;
  private readonly title = h('span', { class: 'title' });
  /** Opens the search within the conversation (hidden until a chat exists). */
  readonly search = h('button', { type: 'button', hidden: true }, icon(SEARCH_PATH));
  private readonly avatar = h('img', { class: 'avatar', alt: '', hidden: true });
  private readonly intro = h('div', { class: 'intro', hidden: true });
  /** The away message, outside business hours. */
  readonly away = h('div', { class: 'away', hidden: true, role: 'status' });
  private teamName: string | null = null;
  private launcherLabel: string | null = null;

  /** Colours, side, launcher, team name, avatar and greeting; `avatarSrc` is absolute (or null). */
  applyAppearance(a: WidgetAppearance, avatarSrc: string | null): void {
    this.brandSheet.replaceSync(brandCss(a));
    this.host.dataset['position'] = a.position === 'left' ? 'left' : 'right';
    this.teamName = a.teamName;
    this.title.textContent = a.teamName ?? i18n.t('title');
    this.avatar.hidden = !avatarSrc;
    if (avatarSrc) this.avatar.src = avatarSrc;
    else this.avatar.removeAttribute('src');
    this.intro.hidden = !a.greeting;
    this.intro.textContent = a.greeting ?? '';
    if (a.launcherLabel !== this.launcherLabel) {
      this.launcherLabel = a.launcherLabel;
      const badge = this.launcher.querySelector('.badge');
      this.launcher.replaceChildren(
        a.launcherLabel ? h('span', {}, a.launcherLabel) : chatIcon(),
        ...(badge ? [badge] : []),
      );
    }
  }

  /** Shows `text` as the away message, or hides it. */
  setAway(text: string | null): void {
    this.away.hidden = !text;
    this.away.textContent = text ?? '';
  }

  /** The occasional parts (earlier conversations, transcript, pre-chat form), fetched on first use. */
  extras(): Promise<ExtrasModule> {
    return loadExtras(this.root);
  }

  /**
   * Replaces the composer with the pre-chat form until the visitor gives a name and an email (when
   * the form cannot be fetched, the chat goes on without it).
   */
  async askPreChat(): Promise<Partial<PreChatAnswer>> {
    const extras = await this.extras().catch(() => null);
    if (!extras) return {};
    return new Promise((resolve) => {
      const form = extras.preChatForm((answer) => {
        form.remove();
        this.composer.hidden = false;
        resolve(answer);
      });
      this.composer.hidden = true;
      this.composer.before(form);
      if (this.isOpen) form.querySelector('input')?.focus();
    });
  }

  /** The unread count and preview shown by the launcher while the panel is closed. */
  readonly unread: UnreadBadge;

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  toggle(open: boolean): void {
    const changed = open !== this.isOpen;
    if (!open) this.closeImage?.();
    this.panel.hidden = !open;
    this.launcher.hidden = open;
    if (open) this.unread.clear();
    if (open) this.input.focus();
    else this.launcher.focus();
    if (changed) this.events.toggled?.(open);
  }

  /** Escape closes the image viewer, then the panel; Tab stays inside the viewer or the panel. */
  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (this.closeImage) this.closeImage();
      else if (this.closeTranscript) this.closeTranscript();
      else this.toggle(false);
      return;
    }
    const within = this.closeImage ? this.lightbox : this.closeTranscript ? this.transcript : this.panel;
    trapTab(e, within, this.root.activeElement);
  }

  /** Opens the file picker; `accept` narrows it (a file request's types). */
  pick(accept: string | null, then: (files: File[]) => void): void {
    this.pickerCallback = then;
    if (accept) this.picker.accept = accept;
    else this.picker.removeAttribute('accept');
    this.picker.click();
  }

  showImage(blob: Blob, name: string): void {
    this.closeImage?.();
    const url = URL.createObjectURL(blob);
    const opener = this.root.activeElement as HTMLElement | null;
    const button = h('button', { type: 'button', class: 'close-image' }, i18n.t('close'));
    const close = () => {
      this.lightbox.hidden = true;
      this.lightbox.replaceChildren();
      this.closeImage = null;
      URL.revokeObjectURL(url);
      if (opener?.isConnected) opener.focus();
    };
    button.addEventListener('click', close);
    this.lightbox.replaceChildren(h('img', { src: url, alt: name }), button);
    this.lightbox.hidden = false;
    this.closeImage = close;
    button.focus();
  }

  /** The conversation ended: no composer, a notice with `action` (start a new one) instead; or back to writing. */
  setEnded(action: HTMLElement | null): void {
    this.ended.replaceChildren(...(action ? [action] : []));
    this.ended.hidden = !action;
    this.composer.hidden = !!action;
    this.tray.hidden = !!action;
    if (!action) return;
    this.closeTranscript?.();
    action.querySelector('button')?.focus();
  }

  /** A read-only transcript over the panel, with a Back button (Escape works too). */
  showTranscript(title: string, body: HTMLElement): void {
    this.closeTranscript?.();
    const opener = this.root.activeElement as HTMLElement | null;
    const back = h('button', { type: 'button', class: 'back' }, i18n.t('back'));
    const close = () => {
      this.transcript.hidden = true;
      this.transcript.replaceChildren();
      this.closeTranscript = null;
      if (opener?.isConnected) opener.focus();
    };
    back.addEventListener('click', close);
    this.transcript.setAttribute('aria-label', title);
    this.transcript.replaceChildren(h('header', {}, back, h('span', { class: 'title' }, title)), body);
    this.transcript.hidden = false;
    this.closeTranscript = close;
    back.focus();
  }

  setNotice(text: string | null): void {
    this.notice.hidden = !text;
    this.notice.textContent = text ?? '';
  }

  scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private listenForDrops(onFiles: (files: File[]) => void): void {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    this.panel.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      this.drop.hidden = false;
    });
    this.panel.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    this.panel.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) this.drop.hidden = true;
    });
    this.panel.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      this.drop.hidden = true;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) onFiles(files);
    });
  }
}

/** The widget's styles plus a sheet for the account's brand colours (returned, to be filled later). */
function adoptStyles(root: ShadowRoot): CSSStyleSheet {
  // A constructed stylesheet needs no inline <style>, so host pages with a strict CSP still style the widget.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(WIDGET_CSS);
  const brand = new CSSStyleSheet();
  root.adoptedStyleSheets = [sheet, brand];
  return brand;
}

const SEARCH_PATH =
  'M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 14 15.5l.3.3v.8l5 5 1.5-1.5-5-5zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z';

function clipIcon(): SVGSVGElement {
  return icon(
    'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z',
  );
}

function icon(d: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}
