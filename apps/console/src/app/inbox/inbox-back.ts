import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** On a phone the chat takes the whole screen: this leads back to the list (hidden on wider screens). */
@Component({
  selector: 'sc-inbox-back',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoPipe],
  template: `
    <a mat-icon-button routerLink="/inbox" [attr.aria-label]="'inbox.back' | transloco">
      <mat-icon class="mirror-rtl">arrow_back</mat-icon>
    </a>
  `,
  styles: `
    :host {
      display: none;
    }
    @media (max-width: 720px) {
      :host {
        display: inline-flex;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxBack {}
