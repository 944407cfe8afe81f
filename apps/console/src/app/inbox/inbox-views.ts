import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { INBOX_VIEWS, type ChatDto, type InboxCounts, type InboxView } from '@satchel/contracts';

/** Whether a chat belongs in a view (for live moves between views without a reload). */
export function inView(view: InboxView, chat: ChatDto, me: string | null): boolean {
  if (view === 'closed') return chat.status === 'closed';
  if (chat.status === 'closed') return false;
  if (view === 'mine') return !!me && chat.assignee?.id === me;
  if (view === 'unassigned') return !chat.assignee;
  return true;
}

/** Mine / Unassigned / All open / Closed with their counts, and the search box. */
@Component({
  selector: 'sc-inbox-views',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <mat-label>{{ 'inbox.search' | transloco }}</mat-label>
      <input
        matInput
        type="search"
        [value]="query()"
        (input)="searched.emit($any($event.target).value)"
        [attr.aria-describedby]="'inbox-search-help'"
      />
    </mat-form-field>
    <span id="inbox-search-help" class="visually-hidden">{{ 'inbox.searchHelp' | transloco }}</span>
    <mat-button-toggle-group
      class="views"
      [attr.aria-label]="'inbox.showChats' | transloco"
      [value]="view()"
      (change)="chosen.emit($event.value)"
      hideSingleSelectionIndicator
    >
      @for (v of views; track v) {
        <mat-button-toggle [value]="v" [attr.data-view]="v"
          >{{ 'inbox.views.' + v | transloco }}
          <span class="count" [attr.data-count]="v">{{ counts()?.[v] ?? '' }}</span></mat-button-toggle
        >
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 8px;
    }
    .search {
      width: 100%;
      margin-bottom: 8px;
    }
    .views {
      display: flex;
      flex-wrap: wrap;
    }
    .views mat-button-toggle {
      flex: 1 1 auto;
    }
    .count {
      margin-inline-start: 4px;
      font-variant-numeric: tabular-nums;
      opacity: 0.8;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxViews {
  readonly view = input.required<InboxView>();
  readonly counts = input<InboxCounts | null>(null);
  readonly query = input('');
  readonly chosen = output<InboxView>();
  readonly searched = output<string>();
  readonly views = INBOX_VIEWS;
}
