import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { HttpClient } from '@angular/common/http';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MessageSearchHit, MessageSearchPage } from '@satchel/contracts';
import { debounceTime, firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { HighlightedText } from '../core/highlighted-text';
import { LocalDatePipe } from '../i18n/format.pipes';

/** Search within one conversation: matches newest first, highlighted; choosing one jumps to it. */
@Component({
  selector: 'sc-chat-search',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    HighlightedText,
    LocalDatePipe,
  ],
  template: `
    <div class="chat-search" role="search" [attr.aria-label]="'chat.search.label' | transloco">
      <mat-form-field class="field" subscriptSizing="dynamic">
        <mat-label>{{ 'chat.search.field' | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input
          matInput
          type="search"
          autocomplete="off"
          [formControl]="query"
          (keydown.escape)="closed.emit()"
        />
      </mat-form-field>
      <p class="muted small" aria-live="polite">
        @if (error(); as e) {
          {{ e }}
        } @else if (searched() && !hits().length) {
          {{ 'chat.search.none' | transloco }}
        } @else if (hits().length) {
          {{ 'chat.search.count' | transloco: { count: hits().length, more: nextCursor() ? '+' : '' } }}
        }
      </p>
      <ul class="hits" [attr.aria-label]="'chat.search.results' | transloco">
        @for (h of hits(); track h.message.id) {
          <li>
            <button
              type="button"
              class="hit"
              (click)="jump.emit(h.message.id)"
              [attr.data-hit]="h.message.id"
            >
              <span class="who muted small"
                >{{ h.message.author.name }} · {{ h.message.createdAt | localDate: 'short' }}</span
              >
              <span class="excerpt"><sc-highlighted-text [segments]="h.highlight" /></span>
            </button>
          </li>
        }
      </ul>
      @if (nextCursor()) {
        <button mat-button type="button" (click)="more()" [disabled]="loading()">
          {{ 'chat.search.more' | transloco }}
        </button>
      }
    </div>
  `,
  styles: `
    .chat-search {
      padding: 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      max-height: 40vh;
      overflow-y: auto;
    }
    .field {
      width: 100%;
    }
    .hits {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .hit {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      text-align: start;
      padding: 6px 8px;
      border: 0;
      border-radius: 8px;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .hit:hover,
    .hit:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatSearch {
  private readonly http = inject(HttpClient);
  readonly chatId = input.required<string>();
  readonly jump = output<string>();
  readonly closed = output<void>();
  readonly query = inject(NonNullableFormBuilder).control('');
  readonly hits = signal<MessageSearchHit[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly searched = signal(false);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private seq = 0;

  constructor() {
    this.query.valueChanges
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.run(false));
  }

  more(): Promise<void> {
    return this.run(true);
  }

  /** Later searches win over slower earlier ones. */
  private async run(append: boolean): Promise<void> {
    const q = this.query.value.trim();
    const mine = ++this.seq;
    if (!q) {
      this.hits.set([]);
      this.nextCursor.set(null);
      this.searched.set(false);
      return;
    }
    const params: Record<string, string> = { q };
    const cursor = this.nextCursor();
    if (append && cursor) params['cursor'] = cursor;
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.http.get<MessageSearchPage>(`/v1/chats/${encodeURIComponent(this.chatId())}/search`, { params }),
      );
      if (mine !== this.seq) return;
      this.error.set(null);
      this.hits.update((list) => (append ? [...list, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
      this.searched.set(true);
    } catch (err) {
      if (mine === this.seq) this.error.set(errorMessage(err));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }
}
