import type {
  AttachmentDto,
  EffectiveUploadRule,
  FileRequestDto,
  MessageDto,
  WidgetGreeting,
} from '@satchel/contracts';
import type { RuleLike } from '@satchel/domain';
import { ApiClient, ApiError } from './api/api-client';
import type { EmbedConfig } from './embed-config';
import { LiveChannel, type OutgoingMessage } from './live/live-channel';
import { FileCache } from './offline/file-cache';
import { Outbox, type OutboxEntry, type PendingUpload } from './offline/outbox';
import { createStore } from 'idb-keyval';
import { OutboxView } from './offline/outbox-view';
import { setAssetBase } from './pdf/pdf-loader';
import { resumeChat, startChat, type ResumedChat } from './session/chat-session';
import { loadVisitorContext } from './host/visitor-context-loader';
import { EarlierChats, type EarlierChat } from './session/earlier-chats';
import { SessionStore, type StoredSession } from './session/session-store';
import { endedNotice, lastWords } from './ui/ended-notice';
import { transcriptBody } from './ui/transcript-view';
import { setExtrasAssetBase } from './ui/extras-loader';
import { acceptOf } from '@satchel/upload-client';
import { compressPicked, setUploadAssetBase } from './upload/upload-loader';
import { localId, Tray, type TrayItem } from './upload/tray';
import { Conversation } from './ui/conversation';
import { WidgetShell } from './ui/widget-shell';
import { beep } from './ui/beep';
import { setTime } from './ui/time';
import type { HostApi, WidgetControl } from './host/host-api';
import { hostFile, hostMessage } from './host/host-payloads';
import { parseLocale } from './host/locale';
import { previewArrived } from './ui/server-preview';
import { i18n, pickLocale, t } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import { WidgetSettings } from './session/widget-settings';
import { isOpenAt } from '@satchel/domain';
import type { IdentifyVisitorRequest } from '@satchel/contracts';
import { cleanAttributes, VisitorStore } from './host/visitor-attributes';
import { loadTypingView, type TypingView } from './ui/typing-loader';
import type { ChatReadsDto } from '@satchel/contracts';

type SearchModule = typeof import('./search/search-chunk');
type SendModule = typeof import('./offline/outbox-send');

/** Where the visitor's effective upload rule is read (the attachments API). */
export const RULE_PATH = '/v1/uploads/rules';

/** The visitor widget: one chat per browser (kept across reloads), live messages, files and the offline queue. */
export class WidgetApp {
  private readonly api: ApiClient;
  private readonly shell: WidgetShell;
  private readonly tray: Tray;
  private readonly outbox = new Outbox();
  /** Files of a resumable upload under way, for a reload to continue them. */
  private readonly pendingUploads = new Outbox<PendingUpload>(
    createStore('satchel-widget-uploads', 'uploads'),
  );
  private readonly cache = new FileCache();
  private readonly outboxViews = new Map<string, OutboxView>();
  private conversation!: Conversation;
  /** Null until the visitor's first message or file starts a chat. */
  private session: StoredSession | null = null;
  private starting: Promise<boolean> | null = null;
  private greeting: WidgetGreeting | null = null;
  private live: LiveChannel | null = null;
  private rule: RuleLike | null = null;
  private pendingText: string | null = null;
  private flushing = false;
  /** Files being picked (shrunk, put in the tray): a send waits for them. */
  private picking: Promise<void> = Promise.resolve();
  private readonly visitor: VisitorStore;
  private readonly earlierChats: EarlierChats;
  private ended = false;
  private readonly settings: WidgetSettings;
  private statusKey: MessageKey | null = null;
  /** `identify()` calls made before the chat exists, sent once it does. */
  private pendingIdentity: IdentifyVisitorRequest | null = null;
  private typing: Promise<TypingView | null> | null = null;
  private readId = '';

  constructor(
    private readonly cfg: EmbedConfig,
    private readonly host: HTMLElement,
    private readonly hostApi: HostApi,
  ) {
    this.api = new ApiClient(cfg.apiBase);
    this.visitor = new VisitorStore(cfg.widgetKey);
    this.earlierChats = new EarlierChats(cfg.widgetKey);
    setAssetBase(cfg.assetBase);
    setUploadAssetBase(cfg.assetBase);
    setExtrasAssetBase(cfg.assetBase);
    i18n.setAssetBase(cfg.assetBase);
    this.settings = new WidgetSettings(this.api, cfg.widgetKey);
    this.shell = new WidgetShell(host, {
      files: (f) => void (this.picking = this.picking.then(() => this.pickFiles(f)).catch(() => undefined)),
      submit: (t) => void this.submit(t),
      accept: () => (this.rule ? acceptOf(this.tray.effectiveRule ?? this.rule) : null),
      search: () => void this.openSearch(),
      toggled: (open) => {
        hostApi.emit(open ? 'open' : 'close');
        this.markRead();
      },
    });
    this.shell.input.addEventListener('input', () => void this.typingView().then((v) => v?.input()));
    document.addEventListener('visibilitychange', () => this.markRead());
    this.tray = new Tray(this.shell.tray, {
      rule: () => this.rule,
      who: 'visitor',
      uploadUrl: () => this.api.url(`/v1/chats/${this.chat.chatId}/attachments`),
      tusEndpoint: () => this.tusEndpoint,
      chatId: () => this.chat.chatId,
      authHeader: () => this.api.authHeader,
      changed: () => void this.continueSend(),
      kept: (item, keep) => {
        const { id, key, name, type, file } = item;
        const saved: PendingUpload = {
          id,
          key,
          name,
          type,
          file,
          chatId: this.chat.chatId,
          text: (this.pendingText ?? '').trim(),
          createdAt: Date.now(),
        };
        void (keep ? this.pendingUploads.put(saved) : this.pendingUploads.remove(item.id)).catch(
          () => undefined,
        );
      },
    });
    i18n.bindText(this.shell.status, () => (this.statusKey ? t(this.statusKey) : ''));
    const cached = this.settings.cached();
    if (cached) this.applyAppearance();
    void this.switchLocale();
    if (cfg.open) this.shell.toggle(true);
  }

  /** The current chat; only called where one exists (after `ensureChat`). */
  private get chat(): StoredSession {
    if (!this.session) throw new Error('no chat yet');
    return this.session;
  }

  /** What `window.Satchel` drives. */
  control(): WidgetControl {
    return {
      open: () => this.shell.toggle(true),
      close: () => this.shell.toggle(false),
      toggle: () => this.shell.toggle(!this.shell.isOpen),
      identify: (attrs) => {
        const clean = cleanAttributes(attrs);
        if (!clean) throw new Error('identify() needs an object such as {id, name, email}');
        if (clean['id'] === undefined) return void this.visitor.merge(clean);
        // With an id the server decides (and may refuse an unsigned one): its name and email must not
        // slip in as the chat's self-declared visitor name; the hash is never kept.
        const { name: _name, email: _email, hash: _hash, ...rest } = clean;
        this.visitor.merge(rest);
        this.identify(clean);
      },
      setLocale: (tag) => {
        if (!parseLocale(tag)) throw new Error(`"${String(tag)}" is not a language tag`);
        localStorage.setItem(this.localeKey, tag);
        void this.switchLocale();
      },
    };
  }

  private get tusEndpoint(): string {
    return new URL(this.api.url('/v1/uploads'), location.href).href;
  }

  private get localeKey(): string {
    return `satchel:locale:${this.cfg.widgetKey}`;
  }

  /**
   * The language: the page's `data-locale`, else `Satchel.setLocale`, else the admin's default, else
   * the browser's. `lang`/`dir` change at once; the strings when their catalogue has loaded.
   */
  private async switchLocale(): Promise<void> {
    const { tag, lang } = pickLocale([
      this.cfg.locale,
      localStorage.getItem(this.localeKey),
      this.settings.cached()?.appearance.defaultLocale,
      ...navigator.languages,
    ]);
    this.host.lang = tag;
    this.host.dir = lang === 'ar' ? 'rtl' : 'ltr';
    try {
      await i18n.use(tag, lang);
      // Times shown before the catalogue arrived ("now") follow the language too.
      this.host.shadowRoot?.querySelectorAll('time').forEach((el) => setTime(el, tag));
    } catch (err) {
      console.warn(`Satchel widget: the ${lang} strings could not be loaded`, err);
    }
    this.applyAppearance();
  }

  private setStatus(key: MessageKey | null): void {
    this.statusKey = key;
    this.shell.status.textContent = key ? t(key) : '';
  }

  /** Colours, texts and the away message from the account's appearance (kept or just fetched). */
  private applyAppearance(): void {
    const config = this.settings.cached();
    if (!config) return;
    const a = config.appearance;
    this.shell.applyAppearance(a, a.avatarUrl ? this.api.url(a.avatarUrl) : null);
    this.shell.setAway(isOpenAt(a.businessHours, new Date()) ? null : (a.awayMessage ?? t('away')));
  }

  /** `Satchel.identify({id, name, email, hash})`: recorded on the chat for operators (verified when signed). */
  private identify(attrs: Record<string, unknown>): void {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    this.pendingIdentity = {
      id: String(attrs['id']).slice(0, 200),
      name: str(attrs['name'])?.slice(0, 100),
      email: str(attrs['email']),
      hash: str(attrs['hash']),
    };
    if (this.session) void this.sendIdentity();
  }

  private async sendIdentity(): Promise<void> {
    const body = this.pendingIdentity;
    if (!body || !this.session) return;
    this.pendingIdentity = null;
    try {
      await this.api.json('POST', `/v1/chats/${this.chat.chatId}/identify`, body);
    } catch (err) {
      console.warn(`Satchel widget: identify() was refused: ${(err as Error).message}`);
    }
  }

  /**
   * Shows a message once; tells the host page, and counts it as unread while the panel is closed.
   * A page of history marks only its newest message read (`read` false for the others).
   */
  private received(m: MessageDto, read = true): void {
    if (!this.conversation.upsert(m)) return;
    this.hostApi.emit('message', hostMessage(m));
    for (const a of m.attachments) this.hostApi.emit('file', hostFile(a));
    if (read) this.markRead();
    if (m.author.role === 'visitor' || this.shell.isOpen) return;
    this.shell.unread.add(m.author.name, m.text || m.attachments.map((a) => a.name).join(', '));
    if (this.cfg.sound) beep();
  }

  async start(): Promise<void> {
    const fresh = await this.settings.load();
    if (fresh) void this.switchLocale();
    if (!(await this.preChat())) return;
    const greeting = this.loadGreeting();
    const resumed = await this.resumeSession();
    if (resumed === null) return;
    const g = await greeting;
    if (g instanceof ApiError) return this.refused(g);
    this.greeting = g;
    this.renderEarlier();
    if (resumed === 'none') this.showGreeting();
    else {
      this.session = resumed.session;
      void this.sendIdentity();
      await this.begin(resumed.ended && !this.reopenable);
    }
    window.addEventListener('online', () => void this.refresh());
    window.addEventListener('offline', () => this.shell.setNotice(t('offlineNotice')));
    if (!navigator.onLine) this.shell.setNotice(t('offlineNotice'));
  }

  /**
   * With the admin's pre-chat form on, a visitor without a chat or a known name and email gives
   * them first (they go with the chat start). False when the page is refused.
   */
  private async preChat(): Promise<boolean> {
    const form = this.settings.cached()?.appearance.preChatForm;
    const known = this.visitor.load();
    if (!form || new SessionStore(this.cfg.widgetKey).load() || (known.name && known.email)) return true;
    const answer = await this.shell.askPreChat();
    this.visitor.merge(answer);
    return true;
  }

  /** Shows the current chat: its kept messages and queue, then live, or read-only once it has ended. */
  private async begin(ended: boolean): Promise<void> {
    this.shell.unread.keepAs(`satchel:unread:${this.chat.chatId}`);
    if (this.shell.isOpen) this.shell.unread.clear();
    this.conversation = new Conversation(
      this.shell.log,
      this.attachmentDeps(),
      { upload: (r) => this.pickForRequest(r), skip: (r) => void this.skip(r) },
      `satchel:messages:${this.chat.chatId}`,
      () => this.shell.scrollToEnd(),
    );
    this.conversation.restore();
    this.shell.search.hidden = false;
    await this.showOutbox();
    await this.restoreUploads();
    if (ended) {
      this.end();
      await this.loadHistory().catch(() => undefined);
      return;
    }
    this.live = new LiveChannel(this.api, this.chat.chatId, {
      onMessage: (m) => this.received(m),
      onFileRequest: (r) => this.conversation.setRequest(r),
      onPreviewed: (e) => {
        this.conversation.previewed(e.attachmentId, e.preview);
        previewArrived(e.attachmentId, e.preview);
      },
      onStatus: (up) => this.setStatus(up ? 'online' : 'connecting'),
      onReady: () => void this.refresh(),
      onTyping: (e) => void this.typingView().then((v) => v?.typing(e)),
      onRead: (r) => void this.typingView().then((v) => v?.read(r, this.conversation.all())),
      onChat: (c) => {
        // Catch up first: the operator's last words may have come just before the close.
        if (c.status === 'closed' && !this.reopenable) void this.loadHistory().finally(() => this.end());
      },
    });
    this.live.connect();
  }

  /** The search within the conversation: a chunk (`search.js`) fetched on first use. */
  private async openSearch(): Promise<void> {
    const chat = this.chat.chatId;
    const mod = (await import(/* webpackIgnore: true */ `${this.cfg.assetBase}/search.js`)) as SearchModule;
    mod.openSearch(this.host.shadowRoot as ShadowRoot, {
      log: this.shell.log,
      lang: i18n.lang,
      opener: this.shell.search,
      get: (path) => this.api.send('GET', `/v1/chats/${chat}${path}`),
      show: (m) => this.conversation.upsert(m, false),
      oldest: () => this.conversation.all()[0]?.id,
    });
  }

  private attachmentDeps() {
    return {
      cache: this.cache,
      urlOf: (a: AttachmentDto) => this.downloadUrl(a),
      resolve: (url: string) => new URL(url, this.cfg.apiBase).href,
      openImage: (b: Blob, n: string) => this.shell.showImage(b, n),
    };
  }

  /** The chat was closed (by an operator or for inactivity): the transcript stays, writing stops. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.live?.close();
    this.live = null;
    this.setStatus(null);
    this.shell.setEnded(endedNotice(() => void this.startNew()));
  }

  /**
   * "Start a new conversation": the ended chat joins the earlier ones and the panel is fresh again;
   * the new chat itself starts with the visitor's first message.
   */
  private async startNew(): Promise<void> {
    const ended = this.chat;
    const kept = this.conversation.all();
    this.earlierChats.add({
      ...ended,
      endedAt: kept.at(-1)?.createdAt ?? new Date().toISOString(),
      preview: lastWords(kept),
    });
    new SessionStore(this.cfg.widgetKey).clear();
    this.session = null;
    this.api.setToken(null);
    this.renderEarlier();
    this.ended = false;
    this.shell.unread.clear();
    this.shell.log.replaceChildren();
    this.shell.search.hidden = true;
    this.shell.panel.querySelector('.search-bar')?.remove();
    this.outboxViews.clear();
    this.shell.setEnded(null);
    this.shell.setNotice(null);
    this.showGreeting();
    this.shell.input.focus();
  }

  /**
   * The bot's opening words and whether closed chats reopen when written to; null when the server
   * cannot be reached, the error when this page is refused.
   */
  private async loadGreeting(): Promise<WidgetGreeting | ApiError | null> {
    try {
      const key = encodeURIComponent(this.cfg.widgetKey);
      return await this.api.json<WidgetGreeting>('GET', `/v1/widget/greeting?widgetKey=${key}`);
    } catch (err) {
      return err instanceof ApiError && err.status === 403 ? err : null;
    }
  }

  /** A closed chat stays writable (writing reopens it) when the account allows it. */
  private get reopenable(): boolean {
    return this.greeting?.reopenClosedChats ?? false;
  }

  /** No chat yet: the bot's opening words, shown here only (the server stores its own copy when the chat starts). */
  private showGreeting(): void {
    this.conversation = new Conversation(
      this.shell.log,
      this.attachmentDeps(),
      { upload: () => undefined, skip: () => undefined },
      `satchel:greeting:${this.cfg.widgetKey}`,
      () => this.shell.scrollToEnd(),
    );
    const greeting = this.greeting;
    if (!greeting) return this.setStatus(navigator.onLine ? null : 'offline');
    const at = new Date().toISOString();
    greeting.texts.forEach((text, i) =>
      this.conversation.upsert(
        {
          id: `greeting-${i}`,
          chatId: '',
          text,
          author: { role: 'bot', id: null, name: greeting.botName },
          attachments: [],
          createdAt: at,
        },
        false,
      ),
    );
    this.setStatus('online');
  }

  /**
   * Picked, dropped or pasted files. A first file starts the chat, whose upload rule then tells
   * whether photos are shrunk before they enter the tray (without a chat they go in as they are).
   */
  private async pickFiles(files: File[]): Promise<void> {
    if ((await this.ensureChat()) && !this.rule) await this.loadRule();
    const rule = this.rule as EffectiveUploadRule | null;
    this.tray.add(await compressPicked(files, rule?.photoCompression));
  }

  /** The chat, started now when there is none (the visitor's first message or file). */
  private ensureChat(): Promise<boolean> {
    if (this.session) return Promise.resolve(true);
    this.starting ??= this.startFresh().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startFresh(): Promise<boolean> {
    const context = await loadVisitorContext(this.cfg.assetBase);
    try {
      this.session = await startChat(this.api, new SessionStore(this.cfg.widgetKey), this.cfg.widgetKey, {
        name: this.visitorName(),
        email: this.visitorEmail(),
        context,
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) this.refused(err);
      else
        this.shell.setNotice(
          err instanceof ApiError && err.isNetwork ? t('offlineNotice') : (err as Error).message,
        );
      return false;
    }
    void this.sendIdentity();
    // The local greeting gives way to the chat's own messages (the server's copy of it comes first).
    this.shell.log.replaceChildren();
    await this.begin(false);
    return true;
  }

  private refused(err: ApiError): void {
    this.setStatus('unavailable');
    this.shell.setNotice(t('notAvailable', { reason: err.message }));
  }

  private renderEarlier(): void {
    const chats = this.earlierChats.list();
    this.shell.earlier.hidden = chats.length === 0;
    if (!chats.length) return;
    void this.shell
      .extras()
      .then((x) => x.renderEarlier(this.shell.earlier, chats, (c) => void this.openEarlier(c)))
      .catch(() => (this.shell.earlier.hidden = true));
  }

  /** An earlier conversation, read-only: fresh from the server with its own token, else as kept here. */
  private async openEarlier(c: EarlierChat): Promise<void> {
    const reader = new ApiClient(this.cfg.apiBase);
    reader.setToken(c.visitorToken);
    let messages: MessageDto[];
    try {
      messages = await reader.json<MessageDto[]>('GET', `/v1/chats/${c.chatId}/messages?limit=100`);
    } catch {
      messages = readKept(c.chatId);
    }
    this.shell.showTranscript(
      t('conversationOf', { when: i18n.date(c.endedAt) }),
      transcriptBody(messages, this.attachmentDeps()),
    );
  }

  /** The stored chat, `none`, or null when the server refuses this page for good (origin not allowed). */
  private async resumeSession(): Promise<ResumedChat | 'none' | null> {
    const store = new SessionStore(this.cfg.widgetKey);
    for (;;) {
      try {
        return (await resumeChat(this.api, store)) ?? 'none';
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) {
          this.refused(err);
          return null;
        }
        this.setStatus('offline');
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
  }

  private visitorName(): string | undefined {
    const name = this.visitor.load().name;
    return typeof name === 'string' ? name.slice(0, 100) : undefined;
  }

  private visitorEmail(): string | undefined {
    const email = this.visitor.load().email;
    return typeof email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
      ? email.slice(0, 254)
      : undefined;
  }

  /** After (re)connecting: catch up on messages and requests, reload the rule, send what waited. */
  private async refresh(): Promise<void> {
    if (!this.session) return;
    this.shell.setNotice(null);
    await Promise.all([this.loadHistory(), this.loadRule()]).catch(() => undefined);
    if (!this.ended) await this.flushOutbox();
  }

  /**
   * The newest messages; with a kept copy, older pages (by cursor) until they reach it, so a long
   * absence leaves no gap. Without one, older pages wait for the search.
   */
  private async loadHistory(): Promise<void> {
    const chat = this.chat.chatId;
    const requests = this.api
      .json<FileRequestDto[]>('GET', `/v1/chats/${chat}/file-requests`)
      .catch(() => []);
    const kept = this.conversation.all().map((m) => m.id);
    let next: string | null = '';
    for (let i = 0; next !== null && i < 20; i++) {
      const page: [MessageDto[], string | null] = await this.api.send(
        'GET',
        `/v1/chats/${chat}/messages?limit=100${next && `&cursor=${next}`}`,
      );
      for (const m of page[0]) this.received(m, false);
      next = kept[0] && !page[0].some((m) => kept.includes(m.id)) ? page[1] : null;
    }
    this.markRead();
    for (const r of await requests) this.conversation.setRequest(r);
    const reads = await this.api.json<ChatReadsDto>('GET', `/v1/chats/${chat}/reads`).catch(() => null);
    const [read] = reads?.operators ?? [];
    if (read) void this.typingView().then((v) => v?.read(read, this.conversation.all()));
  }

  /** Typing and "seen" (a chunk), fetched when first needed: no extra script on a quiet page. */
  private typingView(): Promise<TypingView | null> {
    return (this.typing ??= loadTypingView(this.cfg.assetBase).then(
      (m) => new m.TypingView(this.shell.log, i18n, (on) => this.live?.typing(on)),
      () => null,
    ));
  }

  /** The panel is open on a visible page: the newest message is on screen, so the operator sees "Seen". */
  private markRead(): void {
    const last = this.conversation?.all().at(-1);
    const chat = this.session;
    if (!chat || !last || !this.shell.isOpen || document.hidden || last.id === this.readId || this.ended)
      return;
    this.readId = last.id;
    this.api
      .json('POST', `/v1/chats/${chat.chatId}/read`, { messageId: last.id })
      .catch(() => (this.readId = ''));
  }

  private async loadRule(): Promise<void> {
    const key = `satchel:rule:${this.cfg.widgetKey}`;
    try {
      this.rule = await this.api.json<EffectiveUploadRule>('GET', RULE_PATH);
      localStorage.setItem(key, JSON.stringify(this.rule));
      this.tray.recheck();
    } catch {
      this.rule ??= JSON.parse(localStorage.getItem(key) ?? 'null') as RuleLike | null;
    }
  }

  private downloadUrl(a: AttachmentDto): string {
    return new URL(a.url, this.cfg.apiBase).href;
  }

  private pickForRequest(r: FileRequestDto): void {
    this.shell.pick(
      r.allowedTypes ? acceptOf({ enabled: true, allowedTypes: r.allowedTypes, maxSizeKb: 1 }) : null,
      (files) => this.tray.add(files, r),
    );
  }

  private async skip(r: FileRequestDto): Promise<void> {
    const updated = await this.api.json<FileRequestDto>(
      'POST',
      `/v1/chats/${this.chat.chatId}/file-requests/${r.id}/skip`,
    );
    this.conversation.setRequest(updated);
  }

  // --- sending -------------------------------------------------------------------------------

  private async submit(text: string): Promise<void> {
    await this.picking;
    this.shell.setNotice(null);
    if (!text.trim() && this.tray.sendable().length === 0) {
      if (this.tray.refused().length) this.shell.setNotice(nothingToSend(this.tray.refused().length));
      return;
    }
    if (!(await this.ensureChat())) return;
    this.pendingText = text;
    if (!navigator.onLine) return this.queue(this.tray.sendable());
    await this.continueSend();
  }

  /**
   * Uploads the tray's files, then sends the text with every file that is ready. A file that failed
   * stays in the tray with its reason (and Retry when retrying can help); it does not hold back the rest.
   */
  private async continueSend(): Promise<void> {
    if (this.pendingText === null || !this.session) return;
    await this.tray.uploadPending();
    const items = this.tray.sendable();
    if (this.pendingText === null) return;
    if (items.some((i) => i.state === 'waiting')) return this.queue(items);
    if (items.some((i) => i.state === 'uploading' || i.state === 'paused')) return;
    const ready = items.filter((i) => i.state === 'done');
    const left = this.tray.items.length - ready.length;
    const msg = this.outgoing(this.pendingText, ready);
    if (!msg.text && !msg.attachmentIds?.length) {
      this.pendingText = null;
      if (left) this.shell.setNotice(nothingToSend(left));
      return;
    }
    try {
      this.received(await this.post(msg));
      this.finishSend(ready);
      if (left) this.shell.setNotice(notSent(left));
    } catch (err) {
      if (err instanceof ApiError && err.isNetwork) return this.queue(ready);
      this.shell.setNotice(err instanceof Error ? err.message : String(err));
    }
  }

  private outgoing(text: string, items: TrayItem[]): OutgoingMessage {
    const attachmentIds = items.map((i) => i.attachmentId).filter((id): id is string => !!id);
    const msg: OutgoingMessage = { text: text.trim() || undefined, attachmentIds };
    if (this.tray.request && attachmentIds.length) msg.fileRequestId = this.tray.request.id;
    return msg;
  }

  private finishSend(items: TrayItem[]): void {
    this.pendingText = null;
    this.shell.input.value = '';
    this.tray.take(items);
  }

  /** Over the socket when it is up, else over HTTP (a network failure there means: queue it). */
  private async post(msg: OutgoingMessage): Promise<MessageDto> {
    if (this.live?.connected) {
      try {
        return await this.live.send(msg);
      } catch (err) {
        if (
          (err as Error).message !== 'not connected' &&
          (err as Error).message !== 'no answer from the server'
        )
          throw err;
      }
    }
    return this.api.json<MessageDto>('POST', `/v1/chats/${this.chat.chatId}/messages`, msg);
  }

  // --- offline queue -------------------------------------------------------------------------

  private async queue(items: TrayItem[]): Promise<void> {
    const entry: OutboxEntry = {
      id: localId(),
      chatId: this.chat.chatId,
      text: (this.pendingText ?? '').trim(),
      fileRequestId: this.tray.request?.id,
      files: items.map((i) => ({
        id: i.id,
        name: i.name,
        type: i.type,
        size: i.size,
        blob: i.file,
        attachmentId: i.attachmentId,
      })),
      createdAt: Date.now(),
    };
    await this.outbox.put(entry);
    this.finishSend(items);
    this.addOutboxView(entry);
    if (navigator.onLine) setTimeout(() => void this.flushOutbox(), 3000);
  }

  private async showOutbox(): Promise<void> {
    for (const entry of await this.outbox.forChat(this.chat.chatId).catch(() => []))
      this.addOutboxView(entry);
  }

  private addOutboxView(entry: OutboxEntry): void {
    const view = new OutboxView(entry);
    this.outboxViews.set(entry.id, view);
    this.shell.log.append(view.el);
    this.shell.scrollToEnd();
  }

  /** Sends what was queued offline, by the `outbox-send.js` chunk (fetched now that the network is back). */
  private async flushOutbox(): Promise<void> {
    if (this.flushing || !navigator.onLine || !this.session) return;
    this.flushing = true;
    try {
      const mod = (await import(
        /* webpackIgnore: true */ `${this.cfg.assetBase}/outbox-send.js`
      )) as SendModule;
      await mod.sendOutbox(this.chat.chatId, {
        outbox: this.outbox,
        views: this.outboxViews,
        view: (entry) => new OutboxView(entry),
        post: (msg) => this.post(msg),
        received: (m) => this.received(m),
        uploadUrl: (chat) => this.api.url(`/v1/chats/${chat}/attachments`),
        tusEndpoint: () => this.tusEndpoint,
        authHeader: () => this.api.authHeader,
      });
    } catch {
      // Offline again, or the chunk could not be fetched: the queue stays for the next try.
    } finally {
      this.flushing = false;
    }
  }

  /** Uploads a reload interrupted: back in the tray, continued, and sent with their message. */
  private async restoreUploads(): Promise<void> {
    if (!this.session) return;
    const saved = await this.pendingUploads.forChat(this.session.chatId).catch(() => []);
    if (!saved.length) return;
    this.tray.restore(saved);
    this.pendingText = saved[0]?.text ?? '';
    void this.continueSend();
  }
}

function nothingToSend(n: number): string {
  return t('nothingSent', { n });
}

function notSent(n: number): string {
  return t('notSent', { n });
}

/** The messages this browser kept of a chat (offline fallback for an earlier conversation). */
function readKept(chatId: string): MessageDto[] {
  try {
    const v = JSON.parse(localStorage.getItem(`satchel:messages:${chatId}`) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as MessageDto[]) : [];
  } catch {
    return [];
  }
}
