import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type {
  ChatDto,
  InboxChatDto,
  InboxCounts,
  InboxView,
  MessageDto,
  ReadReceipt,
} from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { InboxLive } from './inbox-live';
import { concernsMe } from './concerns-me';
import { InboxNotifications } from './inbox-notifications';
import { NotificationControls } from './notification-controls';
import { TypingIndicator } from './typing-indicator';
import { ChatBadges } from './chat-actions';
import { InboxViews, inView } from './inbox-views';
import { VisitorPanel } from './visitor-panel';
import { SessionStore } from '../core/session.store';
import { getCursorPage, type CursorPage } from '../core/cursor-page';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../i18n/translate';

/** Chats fetched per page; the list grows by this much with "Load more chats". */
const PAGE = 100;

/** The chat open in the view has nothing unread. */
const withOpenRead = (list: InboxChatDto[], open: string | null): InboxChatDto[] =>
  list.map((c) => (c.id === open ? { ...c, unreadCount: 0 } : c));

/** Open chats with unread counts, kept live; the selected chat opens next to the list. */
@Component({
  selector: 'sc-inbox-page',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatListModule,
    NotificationControls,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    InboxViews,
    ChatBadges,
    VisitorPanel,
  ],
  providers: [InboxLive, TypingIndicator, InboxNotifications],
  template: `
    <section class="page inbox" [class.chat-open]="chatOpen()">
      <nav class="list" [attr.aria-label]="'inbox.chats' | transloco" #list (scroll)="onListScroll(list)">
        <header class="page-header">
          <h1>{{ 'inbox.title' | transloco }}</h1>
          <span class="muted" role="status">{{
            (live.connected() ? 'inbox.live' : 'inbox.connecting') | transloco
          }}</span>
          <sc-notification-controls />
        </header>
        <sc-inbox-views
          [view]="view()"
          [counts]="counts()"
          [query]="query()"
          (chosen)="showView($event)"
          (searched)="search($event)"
        />
        <mat-nav-list
          [attr.aria-label]="(view() === 'closed' ? 'inbox.closedChats' : 'inbox.openChats') | transloco"
        >
          @for (c of chats(); track c.id) {
            <a
              mat-list-item
              [routerLink]="['/inbox', c.id]"
              routerLinkActive
              #rla="routerLinkActive"
              [activated]="rla.isActive"
              [attr.data-chat]="c.id"
            >
              <span matListItemTitle>
                {{ c.visitorName }}
                @if (c.unreadCount > 0) {
                  <span
                    class="unread"
                    [attr.aria-label]="'inbox.unread' | transloco: { count: c.unreadCount }"
                    >{{ c.unreadCount }}</span
                  >
                }
              </span>
              <span matListItemLine class="muted">{{
                typing.who(c.id)
                  ? ('notify.typing' | transloco: { name: typing.who(c.id) })
                  : (c.lastMessagePreview ?? ('inbox.noMessagesYet' | transloco))
              }}</span>
              <sc-chat-badges matListItemLine [chat]="c" />
            </a>
          } @empty {
            <p class="muted empty">
              {{
                (loading() ? 'inbox.loading' : query() ? 'inbox.noMatch' : 'inbox.empty.' + view())
                  | transloco
              }}
            </p>
          }
        </mat-nav-list>
        @if (hasMore()) {
          <button
            mat-stroked-button
            type="button"
            class="more"
            (click)="loadMore()"
            [disabled]="loadingMore()"
          >
            {{ 'inbox.loadMore' | transloco }}
          </button>
        }
      </nav>
      <div class="view">
        <router-outlet (activate)="chatOpen.set(true)" (deactivate)="chatOpen.set(false)" />
      </div>
      @if (live.selected(); as id) {
        <sc-visitor-panel class="side" [chatId]="id" />
      }
    </section>
  `,
  styleUrl: './inbox-phone.scss',
  styles: `
    /* Exactly the viewport under the toolbar: the list and the conversation scroll in their own boxes. */
    .inbox {
      display: grid;
      grid-template-columns: 320px minmax(0, 1fr) auto;
      grid-template-rows: minmax(0, 1fr);
      gap: 16px;
      height: calc(100vh - 64px);
      max-width: none;
      overflow: hidden;
    }
    .list {
      overflow-y: auto;
      min-height: 0;
      border-inline-end: 1px solid var(--mat-sys-outline-variant);
      padding-inline-end: 8px;
    }
    .side {
      width: 280px;
      overflow-y: auto;
      border-inline-start: 1px solid var(--mat-sys-outline-variant);
    }
    @media (max-width: 1000px) {
      .side {
        display: none;
      }
    }
    .view {
      min-width: 0;
      min-height: 0;
      height: 100%;
    }
    .unread {
      display: inline-block;
      min-width: 20px;
      padding: 0 6px;
      margin-inline-start: 6px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 12px;
      text-align: center;
    }
    .empty {
      padding: 16px;
    }
    .more {
      display: block;
      margin: 8px auto 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  readonly live = inject(InboxLive);
  readonly typing = inject(TypingIndicator);
  private readonly notifications = inject(InboxNotifications);
  private readonly document = inject(DOCUMENT);
  readonly chats = signal<InboxChatDto[]>([]);
  readonly hasMore = signal(false);
  readonly loadingMore = signal(false);
  private readonly session = inject(SessionStore);
  readonly view = signal<InboxView>('open');
  /** A chat is open: on a phone it takes the screen and the list waits behind its Back button. */
  readonly chatOpen = signal(false);
  readonly counts = signal<InboxCounts | null>(null);
  readonly query = signal('');
  readonly loading = signal(false);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private loadingList = false;
  /** Chats that appeared live and have had no visitor message yet (their first one is a "new chat"). */
  private readonly fresh = new Set<string>();
  private stale = false;
  /** Where the list continues (the API's cursor), and which load of the list it belongs to. */
  private cursor: string | null = null;
  private listVersion = 0;

  constructor() {
    effect(() => {
      const open = this.live.selected();
      if (open) untracked(() => this.chats.update((list) => withOpenRead(list, open)));
    });
    this.live.chats.pipe(takeUntilDestroyed()).subscribe((c) => this.onChat(c));
    this.live.messages.pipe(takeUntilDestroyed()).subscribe((m) => this.onMessage(m));
    this.live.sessions.pipe(takeUntilDestroyed()).subscribe(() => void this.refresh());
    this.live.reads.pipe(takeUntilDestroyed()).subscribe((r) => this.onRead(r));
    // The tab title counts what the list counts, for the chats that concern this operator.
    effect(() => {
      const me = this.session.me()?.user?.id ?? null;
      const mine = this.chats().filter((c) => concernsMe(c, me));
      this.notifications.setUnread(mine.reduce((n, c) => n + c.unreadCount, 0));
    });
  }

  ngOnInit(): void {
    this.live.connect();
    void this.refresh();
  }

  /**
   * Loads the list with the server's unread counts. Events that arrive while a load is in flight
   * may not be in its answer, so they trigger one more load instead of being overwritten.
   */
  private async refresh(): Promise<void> {
    if (this.loadingList) {
      this.stale = true;
      return;
    }
    this.loadingList = true;
    this.loading.set(true);
    this.refreshCounts();
    try {
      do {
        this.stale = false;
        // As many as are shown, so a reload does not drop the pages loaded with "Load more".
        const limit = Math.max(PAGE, this.chats().length);
        const page = await this.fetch(limit);
        this.chats.set(withOpenRead(page.items, this.document.hidden ? null : this.live.selected()));
        this.setCursor(page.next);
        this.listVersion++;
      } while (this.stale);
    } catch (err) {
      this.notify.error(err, t('inbox.loadFailed'));
    } finally {
      this.loadingList = false;
      this.loading.set(false);
    }
  }

  /**
   * The next page after the list's cursor: chats that move up meanwhile are already shown (live),
   * so none repeats and none is skipped. A reload that lands meanwhile has its own end: ask again.
   */
  async loadMore(): Promise<void> {
    if (this.loadingMore() || !this.cursor) return;
    this.loadingMore.set(true);
    try {
      for (let tries = 0; tries < 3 && this.cursor; tries++) {
        const version = this.listVersion;
        const page = await this.fetch(PAGE, this.cursor);
        if (version !== this.listVersion) continue;
        this.chats.update((known) => {
          const ids = new Set(known.map((c) => c.id));
          return [...known, ...page.items.filter((c) => !ids.has(c.id))];
        });
        this.setCursor(page.next);
        break;
      }
    } catch (err) {
      this.notify.error(err, t('inbox.loadMoreFailed'));
    } finally {
      this.loadingMore.set(false);
    }
  }

  /** Near the end of the list: the next page, as "Load more chats" would. */
  onListScroll(el: HTMLElement): void {
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 200) void this.loadMore();
  }

  private setCursor(cursor: string | null): void {
    this.cursor = cursor;
    this.hasMore.set(cursor !== null);
  }

  /** Mine / Unassigned / All open / Closed. */
  showView(view: InboxView): void {
    this.view.set(view);
    this.chats.set([]);
    this.setCursor(null);
    void this.refresh();
  }

  /** Visitor name or email, message text, file name; typed, then searched after a short pause. */
  search(q: string): void {
    this.query.set(q);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.refresh(), 250);
  }

  /** The views' counts, once per burst of changes. */
  private refreshCounts(): void {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      firstValueFrom(this.http.get<InboxCounts>('/v1/inbox/counts')).then(
        (c) => this.counts.set(c),
        () => undefined,
      );
    }, 150);
  }

  private fetch(limit: number, cursor?: string): Promise<CursorPage<InboxChatDto>> {
    const q = this.query().trim();
    const params = { limit, view: this.view(), ...(q && { q }), ...(cursor && { cursor }) };
    return getCursorPage<InboxChatDto>(this.http, '/v1/inbox', params);
  }

  private onChat(c: ChatDto): void {
    if (this.loadingList) this.stale = true;
    this.refreshCounts();
    // A search shows what the server matched: a live change reloads it rather than guessing.
    if (this.query().trim()) return void this.refresh();
    if (!inView(this.view(), c, this.session.me()?.user?.id ?? null)) {
      this.chats.update((list) => list.filter((x) => x.id !== c.id));
      return;
    }
    this.chats.update((list) => {
      const existing = list.find((x) => x.id === c.id);
      if (!existing) this.fresh.add(c.id);
      const merged: InboxChatDto = { ...c, unreadCount: existing?.unreadCount ?? 0 };
      return [merged, ...list.filter((x) => x.id !== c.id)];
    });
  }

  private onMessage(m: MessageDto): void {
    if (m.author.role !== 'visitor') return;
    this.typing.stopped(m.chatId);
    const onScreen = m.chatId === this.live.selected() && !this.document.hidden;
    const chat = this.chats().find((c) => c.id === m.chatId);
    if (!onScreen && concernsMe(chat, this.session.me()?.user?.id ?? null))
      this.notifications.alert(chat, m, !chat || this.fresh.has(m.chatId));
    this.fresh.delete(m.chatId);
    if (onScreen) return;
    // A message of a chat this list has not seen yet: the server knows its unread count.
    if (this.loadingList || !this.chats().some((c) => c.id === m.chatId)) {
      void this.refresh();
      return;
    }
    this.chats.update((list) =>
      list.map((c) => (c.id === m.chatId ? { ...c, unreadCount: c.unreadCount + 1 } : c)),
    );
  }

  /** This operator read a chat (here or in another tab): its count comes from the server again. */
  private onRead(r: ReadReceipt): void {
    if (r.reader.role !== 'operator' || r.reader.userId !== this.session.me()?.user?.id) return;
    if (r.chatId === this.live.selected()) {
      this.chats.update((list) => withOpenRead(list, r.chatId));
      return;
    }
    void this.refresh();
  }
}
