import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { VisitorProfileDto } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { LocalDatePipe } from '../i18n/format.pipes';
import { InboxLive } from './inbox-live';

/** Only web addresses become links (a `javascript:` page URL stays text). */
export function webUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Who the visitor is: name, email, page, browser, language, local time, and earlier conversations. */
@Component({
  selector: 'sc-visitor-panel',
  imports: [RouterLink, TranslocoPipe, LocalDatePipe],
  template: `
    <aside [attr.aria-label]="'visitor.panel' | transloco">
      @if (profile(); as p) {
        <p class="name" data-field="name">{{ p.chat.visitorName }}</p>
        <dl>
          <dt>{{ 'visitor.email' | transloco }}</dt>
          <dd data-field="email">
            {{ p.chat.visitorEmail ?? ('visitor.unknown' | transloco) }}
            @if (p.chat.visitorVerified) {
              <span class="muted">· {{ 'visitor.verified' | transloco }}</span>
            }
          </dd>
          @if (p.chat.visitorContext; as c) {
            @if (c.pageUrl) {
              <dt>{{ 'visitor.page' | transloco }}</dt>
              <dd data-field="page">
                @if (link(c.pageUrl); as href) {
                  <a [href]="href" target="_blank" rel="noopener noreferrer">{{
                    c.pageTitle || c.pageUrl
                  }}</a>
                } @else {
                  {{ c.pageUrl }}
                }
                @if (c.pageTitle) {
                  <span class="url">{{ c.pageUrl }}</span>
                }
              </dd>
            }
            @if (c.referrer) {
              <dt>{{ 'visitor.referrer' | transloco }}</dt>
              <dd data-field="referrer" class="url">{{ c.referrer }}</dd>
            }
            @if (c.browser || c.os) {
              <dt>{{ 'visitor.browser' | transloco }}</dt>
              <dd data-field="browser">{{ joined(c.browser, c.os) }}</dd>
            }
            @if (c.language) {
              <dt>{{ 'visitor.language' | transloco }}</dt>
              <dd data-field="language">{{ c.language }}</dd>
            }
            @if (c.timeZone) {
              <dt>{{ 'visitor.localTime' | transloco }}</dt>
              <dd data-field="time">{{ localTime(c.timeZone) }} ({{ c.timeZone }})</dd>
            }
          }
        </dl>
        <h3>{{ 'visitor.earlier' | transloco }}</h3>
        @for (e of p.earlier; track e.id) {
          <a class="earlier" [routerLink]="['/inbox', e.id]" [attr.data-chat]="e.id">
            {{ e.createdAt | localDate: 'short' }} · {{ 'chat.status.' + e.status | transloco }}
            <span class="muted">{{ e.lastMessagePreview ?? '' }}</span>
          </a>
        } @empty {
          <p class="muted">{{ 'visitor.noEarlier' | transloco }}</p>
        }
      }
    </aside>
  `,
  styles: `
    aside {
      padding: 0 12px 16px;
    }
    .name {
      font: var(--mat-sys-title-medium);
      margin: 12px 0;
    }
    h3 {
      font-size: 14px;
      margin: 16px 0 8px;
    }
    dt {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
      margin-top: 8px;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .url {
      display: block;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .earlier {
      display: block;
      padding: 6px 0;
      color: inherit;
    }
    .earlier .muted {
      display: block;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitorPanel {
  readonly chatId = input.required<string>();
  private readonly http = inject(HttpClient);
  private readonly live = inject(InboxLive);
  readonly profile = signal<VisitorProfileDto | null>(null);

  constructor() {
    effect(() => {
      const id = this.chatId();
      untracked(() => void this.load(id));
    });
    // The name and email can change (identify, pre-chat form): keep the panel's chat fresh.
    this.live.chats.pipe(takeUntilDestroyed()).subscribe((c) => {
      const p = this.profile();
      if (p && c.id === p.chat.id) this.profile.set({ ...p, chat: c });
    });
  }

  joined(...parts: (string | undefined)[]): string {
    return parts.filter((p) => !!p).join(' · ');
  }

  link(url: string): string | null {
    return webUrl(url);
  }

  /** The time where the visitor is, now. */
  localTime(timeZone: string): string {
    try {
      return new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: 'short' }).format(new Date());
    } catch {
      return '';
    }
  }

  private async load(id: string): Promise<void> {
    this.profile.set(null);
    try {
      const p = await firstValueFrom(this.http.get<VisitorProfileDto>(`/v1/inbox/${id}/visitor`));
      if (id === this.chatId()) this.profile.set(p);
    } catch {
      // The chat view reports a chat that cannot be opened; the panel just stays empty.
    }
  }
}
