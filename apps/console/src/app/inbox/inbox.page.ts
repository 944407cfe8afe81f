import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { ChatDto, InboxChatDto, MessageDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { InboxLive } from './inbox-live';

/** Open chats with unread counts, kept live; the selected chat opens next to the list. */
@Component({
  selector: 'sc-inbox-page',
  imports: [MatBadgeModule, MatListModule, RouterLink, RouterLinkActive, RouterOutlet],
  providers: [InboxLive],
  template: `
    <section class="page inbox">
      <nav class="list" aria-label="Open chats">
        <header class="page-header">
          <h1>Inbox</h1>
          <span class="muted" role="status">{{ live.connected() ? 'Live' : 'Connecting…' }}</span>
        </header>
        <mat-nav-list>
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
                  <span class="unread" [attr.aria-label]="c.unreadCount + ' unread'">{{
                    c.unreadCount
                  }}</span>
                }
              </span>
              <span matListItemLine class="muted">{{ c.lastMessagePreview ?? 'No messages yet' }}</span>
            </a>
          } @empty {
            <p class="muted empty">No open chats. Visitors' chats appear here as they start.</p>
          }
        </mat-nav-list>
      </nav>
      <div class="view">
        <router-outlet />
      </div>
    </section>
  `,
  styles: `
    .inbox {
      display: grid;
      grid-template-columns: 320px 1fr;
      gap: 16px;
      height: calc(100vh - 64px);
      max-width: none;
    }
    .list {
      overflow-y: auto;
      border-right: 1px solid var(--mat-sys-outline-variant);
      padding-right: 8px;
    }
    .view {
      min-width: 0;
      height: 100%;
    }
    .unread {
      display: inline-block;
      min-width: 20px;
      padding: 0 6px;
      margin-left: 6px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 12px;
      text-align: center;
    }
    .empty {
      padding: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  readonly live = inject(InboxLive);
  readonly chats = signal<InboxChatDto[]>([]);

  constructor() {
    effect(() => {
      const open = this.live.selected();
      if (open)
        untracked(() =>
          this.chats.update((list) => list.map((c) => (c.id === open ? { ...c, unreadCount: 0 } : c))),
        );
    });
    this.live.chats.pipe(takeUntilDestroyed()).subscribe((c) => this.onChat(c));
    this.live.messages.pipe(takeUntilDestroyed()).subscribe((m) => this.onMessage(m));
  }

  ngOnInit(): void {
    this.live.connect();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.chats.set(await firstValueFrom(this.http.get<InboxChatDto[]>('/v1/inbox')));
    } catch (err) {
      this.notify.error(err, 'Could not load the inbox');
    }
  }

  private onChat(c: ChatDto): void {
    if (c.status !== 'open') {
      this.chats.update((list) => list.filter((x) => x.id !== c.id));
      return;
    }
    this.chats.update((list) => {
      const existing = list.find((x) => x.id === c.id);
      const merged: InboxChatDto = { ...c, unreadCount: existing?.unreadCount ?? 0 };
      return [merged, ...list.filter((x) => x.id !== c.id)];
    });
  }

  private onMessage(m: MessageDto): void {
    if (m.author.role !== 'visitor' || m.chatId === this.live.selected()) return;
    this.chats.update((list) =>
      list.map((c) => (c.id === m.chatId ? { ...c, unreadCount: c.unreadCount + 1 } : c)),
    );
  }
}
