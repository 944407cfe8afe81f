import { HttpClient } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ChatDto,
  CreateFileRequestRequest,
  EffectiveUploadRule,
  ChatReadsDto,
  FileRequestDto,
  MessageDto,
  ReadReceipt,
} from '@satchel/contracts';
import { DOCUMENT } from '@angular/common';
import { TypingThrottle } from '@satchel/domain';
import { MessageText } from './message-text';
import { RelativeTime } from './relative-time';
import { seenMessageId } from './seen';
import { TypingIndicator } from './typing-indicator';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { Notify } from '../core/notify.service';
import { SessionStore } from '../core/session.store';
import { FileName } from '../core/file-name';
import { PdfPreview } from '../files/pdf-preview';
import { AttachmentView } from './attachment-view';
import { ChatTabs } from './chat-tabs';
import { InboxBack } from './inbox-back';
import { FileTray } from './file-tray';
import { ChatSearch } from './chat-search';
import { UploadRuleWhy } from './upload-rule-why';
import { InboxLive } from './inbox-live';
import { ChatActions } from './chat-actions';
import { MESSAGE_PAGE, mergeMessages, nearBottom, nearTop } from './message-log';
import { getCursorPage, type CursorPage } from '../core/cursor-page';
import { TranslocoPipe } from '@jsverse/transloco';
import { DurationPipe, FileSizePipe, LocalNumberPipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { compressImages } from '@satchel/upload-client';

/** One conversation: live messages, files to send (picker, drag-and-drop, paste, tray, progress) and file requests. */
@Component({
  selector: 'sc-chat-view',
  imports: [
    UploadRuleWhy,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    AttachmentView,
    MessageText,
    RelativeTime,
    ChatTabs,
    InboxBack,
    FileName,
    PdfPreview,
    TranslocoPipe,
    FileSizePipe,
    ChatSearch,
    DurationPipe,
    LocalNumberPipe,
    ChatActions,
  ],
  templateUrl: './chat-view.html',
  styleUrl: './chat-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatView {
  readonly chatId = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly live = inject(InboxLive);
  private readonly session = inject(SessionStore);
  private readonly notify = inject(Notify);
  private readonly injector = inject(Injector);
  private readonly log = viewChild<ElementRef<HTMLElement>>('log');
  private readonly document = inject(DOCUMENT);
  private readonly typingIn = inject(TypingIndicator);
  /** How far the visitor has read: "Seen" under the newest of our messages they had on screen. */
  readonly visitorRead = signal<ReadReceipt | null>(null);
  readonly seenId = computed(() => seenMessageId(this.messages(), this.visitorRead()));
  readonly typingName = computed(() => this.typingIn.who(this.chatId()));
  readonly typing = new TypingThrottle((on) => this.live.sendTyping(this.chatId(), on));
  private readId: string | null = null;

  readonly chat = signal<ChatDto | null>(null);
  readonly messages = signal<MessageDto[]>([]);
  /** The server may have messages older than the first one shown. */
  readonly hasOlder = signal(false);
  /** Where the older messages continue (the API's cursor): unmoved by messages arriving meanwhile. */
  private olderCursor: string | null = null;
  readonly loadingOlder = signal(false);
  readonly requests = signal<FileRequestDto[]>([]);
  readonly rule = signal<EffectiveUploadRule | null>(null);
  readonly hasRefused = computed(() => this.tray.files().some((f) => f.state === 'refused'));
  readonly text = signal('');
  readonly sending = signal(false);
  readonly dragging = signal(false);
  readonly asking = signal(false);
  readonly searching = signal(false);
  /** The message a search result jumped to, marked for a moment. */
  readonly found = signal<string | null>(null);
  readonly request = signal<{
    prompt: string;
    allowedTypes: string;
    maxSizeKb: number | null;
    skippable: boolean;
  }>({
    prompt: t('chat.defaultPrompt'),
    allowedTypes: '',
    maxSizeKb: null,
    skippable: false,
  });
  /** Left (e.g. for the Files tab) while a load was under way: its answer is dropped. */
  private gone = false;
  readonly tray = new FileTray(
    () => this.chatId(),
    () => `Bearer ${this.session.token() ?? ''}`,
  );
  /** Tray files whose PDF preview is open. */
  readonly previewing = signal<ReadonlySet<number>>(new Set());

  isPdf(f: File): boolean {
    return f.type === 'application/pdf' || f.name.toLowerCase().endsWith('.pdf');
  }

  togglePreview(id: number): void {
    const next = new Set(this.previewing());
    if (!next.delete(id)) next.add(id);
    this.previewing.set(next);
  }

  constructor() {
    effect(() => {
      const id = this.chatId();
      untracked(() => void this.load(id));
    });
    const destroyed = inject(DestroyRef);
    destroyed.onDestroy(() => {
      this.gone = true;
      this.live.selected.set(null);
    });
    this.live.messages.pipe(takeUntilDestroyed()).subscribe((m) => this.onMessage(m));
    this.live.requests.pipe(takeUntilDestroyed()).subscribe((r) => this.onRequest(r));
    this.live.chats.pipe(takeUntilDestroyed()).subscribe((c) => c.id === this.chatId() && this.chat.set(c));
    this.live.reads.pipe(takeUntilDestroyed()).subscribe((r) => this.onRead(r));
    const visible = () => this.markRead();
    this.document.addEventListener('visibilitychange', visible);
    destroyed.onDestroy(() => {
      this.document.removeEventListener('visibilitychange', visible);
      this.typing.stop();
    });
  }

  private async load(id: string): Promise<void> {
    this.live.selected.set(id);
    this.chat.set(null);
    this.messages.set([]);
    this.requests.set([]);
    this.hasOlder.set(false);
    this.olderCursor = null;
    this.visitorRead.set(null);
    this.readId = null;
    this.typing.stop();
    this.loadReads(id);
    try {
      const [chat, page, requests, rule] = await Promise.all([
        firstValueFrom(this.http.get<ChatDto>(`/v1/chats/${id}`)),
        this.fetchMessages(id),
        firstValueFrom(this.http.get<FileRequestDto[]>(`/v1/chats/${id}/file-requests`)),
        firstValueFrom(this.http.get<EffectiveUploadRule>('/v1/uploads/rules')).catch(() => null),
      ]);
      if (this.gone || id !== this.chatId()) return;
      this.chat.set(chat);
      this.messages.update((live) => mergeMessages(page.items, live));
      this.setOlder(page.next);
      this.requests.set(requests);
      this.rule.set(rule);
      this.scrollToNewest();
      this.markRead();
    } catch (err) {
      this.notify.error(err, t('chat.openFailed'));
    }
  }

  private fetchMessages(chatId: string, cursor?: string): Promise<CursorPage<MessageDto>> {
    const params = { limit: MESSAGE_PAGE, ...(cursor && { cursor }) };
    return getCursorPage<MessageDto>(this.http, `/v1/chats/${chatId}/messages`, params);
  }

  private setOlder(cursor: string | null): void {
    this.olderCursor = cursor;
    this.hasOlder.set(cursor !== null);
  }

  /** Near the top of the log: the previous page, keeping the messages in view where they are. */
  onLogScroll(): void {
    const el = this.log()?.nativeElement;
    if (el && nearTop(el)) void this.loadOlder();
  }

  async loadOlder(): Promise<void> {
    const id = this.chatId();
    const cursor = this.olderCursor;
    if (!cursor || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    try {
      const older = await this.fetchMessages(id, cursor);
      if (id !== this.chatId() || cursor !== this.olderCursor) return;
      const el = this.log()?.nativeElement;
      const fromBottom = el ? el.scrollHeight - el.scrollTop : 0;
      this.messages.update((list) => mergeMessages(older.items, list));
      this.setOlder(older.next);
      afterNextRender(
        { write: () => el && (el.scrollTop = el.scrollHeight - fromBottom) },
        { injector: this.injector },
      );
    } catch (err) {
      this.notify.error(err, t('chat.olderFailed'));
    } finally {
      this.loadingOlder.set(false);
    }
  }

  /** Shows a message found by search: loads older pages until it is there, then scrolls to it. */
  async jumpTo(messageId: string): Promise<void> {
    for (let i = 0; i < 50 && !this.messages().some((m) => m.id === messageId) && this.hasOlder(); i++) {
      await this.loadOlder();
    }
    this.found.set(messageId);
    afterNextRender(
      {
        write: () => {
          const el = this.log()?.nativeElement.querySelector<HTMLElement>(
            `[data-message="${CSS.escape(messageId)}"]`,
          );
          el?.scrollIntoView({ block: 'center' });
          el?.focus({ preventScroll: true });
        },
      },
      { injector: this.injector },
    );
  }

  private scrollToNewest(): void {
    afterNextRender(
      {
        write: () => {
          const el = this.log()?.nativeElement;
          if (el) el.scrollTop = el.scrollHeight;
        },
      },
      { injector: this.injector },
    );
  }

  private onMessage(m: MessageDto): void {
    if (m.chatId !== this.chatId()) return;
    if (this.messages().some((x) => x.id === m.id)) return;
    const el = this.log()?.nativeElement;
    // Follow the conversation only when the operator is reading its end (or wrote the message).
    const follow = !el || nearBottom(el) || m.author.role !== 'visitor';
    this.messages.update((list) => mergeMessages(list, [m]));
    if (follow) this.scrollToNewest();
    this.markRead();
  }

  private loadReads(id: string): void {
    this.http.get<ChatReadsDto>(`/v1/chats/${id}/reads`).subscribe({
      next: (r) => id === this.chatId() && r.visitor && this.onRead(r.visitor),
      error: () => undefined,
    });
  }

  private onRead(r: ReadReceipt): void {
    if (r.chatId !== this.chatId() || r.reader.role !== 'visitor') return;
    const shown = this.visitorRead();
    if (!shown || Date.parse(r.readAt) >= Date.parse(shown.readAt)) this.visitorRead.set(r);
  }

  private onRequest(r: FileRequestDto): void {
    if (r.chatId !== this.chatId()) return;
    this.requests.update((list) => [...list.filter((x) => x.id !== r.id), r]);
  }

  requestFor(m: MessageDto): FileRequestDto | undefined {
    return this.requests().find((r) => r.messageId === m.id);
  }

  /** The operator has the chat in front of them (open, tab visible): its newest message is read. */
  private markRead(): void {
    const last = this.messages().at(-1);
    if (!last || this.document.hidden || last.id === this.readId) return;
    this.readId = last.id;
    this.http
      .post(`/v1/chats/${this.chatId()}/read`, { messageId: last.id })
      .subscribe({ error: () => (this.readId = null) });
  }

  // --- files in ---------------------------------------------------------------------------------

  addFiles(files: FileList | File[] | null | undefined): void {
    const list = Array.from(files ?? []);
    if (list.length)
      void compressImages(list, this.rule()?.photoCompression).then((c) => this.tray.add(c, this.rule()));
  }

  onPick(input: HTMLInputElement): void {
    this.addFiles(input.files);
    input.value = '';
  }

  onPaste(e: ClipboardEvent): void {
    const files = Array.from(e.clipboardData?.files ?? []);
    if (!files.length) return;
    e.preventDefault();
    this.addFiles(files);
  }

  onDragOver(e: DragEvent): void {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging.set(false);
    this.addFiles(e.dataTransfer?.files);
  }

  // --- sending ----------------------------------------------------------------------------------

  async send(): Promise<void> {
    const text = this.text().trim();
    if (!text && this.tray.sendable().length === 0) return;
    this.sending.set(true);
    try {
      await this.tray.uploadAll();
      const files = this.tray.sendable();
      if (files.some((f) => f.state !== 'done')) return;
      const attachmentIds = this.tray.takeDone().map((a) => a.id);
      if (!text && attachmentIds.length === 0) return;
      const m = await firstValueFrom(
        this.http.post<MessageDto>(`/v1/chats/${this.chatId()}/messages`, {
          text: text || undefined,
          attachmentIds,
        }),
      );
      this.onMessage(m);
      this.text.set('');
      this.typing.stop();
    } catch (err) {
      this.notify.error(err, t('chat.notSent'));
    } finally {
      this.sending.set(false);
    }
  }

  onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void this.send();
    }
  }

  patchRequest(change: Partial<ReturnType<typeof this.request>>): void {
    this.request.update((r) => ({ ...r, ...change }));
  }

  async askForFile(): Promise<void> {
    const r = this.request();
    const body: CreateFileRequestRequest = { prompt: r.prompt, skippable: r.skippable };
    if (r.allowedTypes.trim()) body.allowedTypes = r.allowedTypes.trim();
    if (r.maxSizeKb) body.maxSizeKb = r.maxSizeKb;
    try {
      const created = await firstValueFrom(
        this.http.post<FileRequestDto>(`/v1/chats/${this.chatId()}/file-requests`, body),
      );
      this.onRequest(created);
      this.asking.set(false);
      this.notify.success(t('chat.requested'));
    } catch (err) {
      this.notify.error(errorMessage(err));
    }
  }
}
