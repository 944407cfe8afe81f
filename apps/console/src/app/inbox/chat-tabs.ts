import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Conversation | Files" of one chat: two routes, so a link opens either; the current one is `aria-current`. */
@Component({
  selector: 'sc-chat-tabs',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  template: `
    <nav [attr.aria-label]="'chatFiles.tabs' | transloco">
      <a
        [routerLink]="['/inbox', chatId()]"
        routerLinkActive="active"
        [routerLinkActiveOptions]="{ exact: true }"
        ariaCurrentWhenActive="page"
        >{{ 'chatFiles.conversationTab' | transloco }}</a
      >
      <a
        [routerLink]="['/inbox', chatId(), 'files']"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        data-testid="files-tab"
        >{{ 'chatFiles.filesTab' | transloco }}</a
      >
    </nav>
  `,
  styles: `
    nav {
      display: flex;
      gap: 4px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      padding: 10px 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    a:hover {
      background: var(--mat-sys-surface-container);
    }
    a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    a.active {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatTabs {
  readonly chatId = input.required<string>();
}
