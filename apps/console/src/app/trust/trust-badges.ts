import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttachmentTrustInfo } from '@satchel/contracts';

/** A file's protection at a glance: encrypted at rest or not, the malware verdict, active content. */
@Component({
  selector: 'sc-trust-badges',
  imports: [MatIconModule, MatTooltipModule, TranslocoPipe],
  template: `
    @if (trust(); as t) {
      <span class="badges" [class.stacked]="detailed()">
        <span
          class="badge"
          [attr.data-tone]="t.encrypted ? 'ok' : 'off'"
          [matTooltip]="encryptionHelp() | transloco"
        >
          <mat-icon aria-hidden="true" inline>{{ t.encrypted ? 'lock' : 'lock_open' }}</mat-icon>
          {{ (t.encrypted ? 'trust.encrypted' : 'trust.notEncrypted') | transloco }}
        </span>
        <span class="badge" [attr.data-tone]="scanTone()" [attr.data-scan]="t.scan">
          <mat-icon aria-hidden="true" inline>{{ t.scan === 'infected' ? 'gpp_bad' : 'shield' }}</mat-icon>
          {{ 'trust.scan.' + t.scan | transloco }}
          @if (detailed() && t.signature) {
            : {{ t.signature }}
          }
        </span>
        @if (t.activeContent) {
          <span class="badge" data-tone="wait" [matTooltip]="'trust.activeContentHelp' | transloco">
            <mat-icon aria-hidden="true" inline>code</mat-icon>
            {{ detailed() ? t.activeContent : ('trust.activeContent' | transloco) }}
          </span>
        }
      </span>
    }
  `,
  styles: `
    .badges {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .stacked {
      flex-direction: column;
      align-items: flex-start;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 1px 8px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    [data-tone='ok'] {
      background: #d7f5df;
      color: #0b5123;
    }
    [data-tone='bad'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    [data-tone='wait'] {
      background: #fdf1c7;
      color: #5c4300;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrustBadges {
  readonly trust = input<AttachmentTrustInfo | undefined>();
  /** The side panel shows the signature and the active-content reason in full. */
  readonly detailed = input(false);
  readonly scanTone = computed(() => {
    const scan = this.trust()?.scan;
    return scan === 'clean'
      ? 'ok'
      : scan === 'infected'
        ? 'bad'
        : scan === 'unscanned' || scan === 'scanning'
          ? 'wait'
          : 'off';
  });
  readonly encryptionHelp = computed(() =>
    this.trust()?.encrypted ? 'trust.encryptedHelp' : 'trust.plainHelp',
  );
}
