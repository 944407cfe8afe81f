import type { MessageDto, WidgetConfig } from '@satchel/contracts';
import { isOpenAt } from '@satchel/domain';
import type { EmbedConfig } from './embed-config';
import { i18n, pickLocale, t } from './i18n/i18n';
import { FileCache } from './offline/file-cache';
import { messageView } from './ui/message-view';
import { WidgetShell } from './ui/widget-shell';

/** What the console's appearance page posts to the preview frame. */
export interface PreviewMessage {
  type: 'satchel:appearance';
  config: WidgetConfig;
}

/**
 * The console's live preview: the real widget UI with a sample conversation and no chat, restyled
 * by every `satchel:appearance` message from the parent page (same origin only).
 */
export class PreviewApp {
  private readonly shell: WidgetShell;

  constructor(
    private readonly cfg: EmbedConfig,
    private readonly host: HTMLElement,
  ) {
    i18n.setAssetBase(cfg.assetBase);
    this.shell = new WidgetShell(host, {
      files: () => undefined,
      submit: () => undefined,
      accept: () => null,
    });
    this.shell.setNotice(null);
    window.addEventListener('message', (e: MessageEvent<PreviewMessage>) => {
      if (e.origin !== location.origin || e.source !== window.parent) return;
      if (e.data?.type === 'satchel:appearance') void this.apply(e.data.config);
    });
    this.sample();
    if (cfg.open) this.shell.toggle(true);
    window.parent.postMessage({ type: 'satchel:preview-ready' }, location.origin);
  }

  private async apply(config: WidgetConfig): Promise<void> {
    const a = config.appearance;
    const { tag, lang } = pickLocale([this.cfg.locale, a.defaultLocale, ...navigator.languages]);
    this.host.lang = tag;
    this.host.dir = lang === 'ar' ? 'rtl' : 'ltr';
    await i18n.use(tag, lang).catch(() => undefined);
    this.shell.applyAppearance(a, a.avatarUrl ? new URL(a.avatarUrl, location.origin).href : null);
    this.shell.setAway(isOpenAt(a.businessHours, new Date()) ? null : (a.awayMessage ?? t('away')));
    this.sample();
    this.host.dataset['version'] = String(config.version);
  }

  private sample(): void {
    const at = new Date().toISOString();
    const message = (id: string, role: 'operator' | 'visitor', name: string, text: string): MessageDto => ({
      id,
      chatId: 'preview',
      text,
      author: { role, id: null, name },
      attachments: [],
      createdAt: at,
    });
    const deps = {
      cache: new FileCache(),
      urlOf: () => '',
      resolve: (url: string) => url,
      openImage: () => undefined,
    };
    this.shell.log.replaceChildren(
      messageView(message('p1', 'visitor', 'Visitor', t('sampleQuestion')), deps),
      messageView(message('p2', 'operator', 'Satchel', t('sampleAnswer')), deps),
    );
  }
}
