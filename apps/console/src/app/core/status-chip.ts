import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslateOrPipe } from '../i18n/format.pipes';

const TONES: Record<string, 'ok' | 'bad' | 'wait' | 'off'> = {
  delivered: 'ok',
  exported: 'ok',
  success: 'ok',
  active: 'ok',
  failed: 'bad',
  failure: 'bad',
  refused: 'bad',
  revoked: 'off',
  inactive: 'off',
  disabled: 'off',
  pending: 'wait',
};

/** A small coloured status label; the text itself carries the meaning for screen readers. */
@Component({
  selector: 'sc-status-chip',
  imports: [TranslateOrPipe],
  template: `<span class="chip" [attr.data-tone]="tone()">{{
    label() ?? ('status.' + status() | translateOr: status())
  }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 8px;
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
export class StatusChip {
  readonly status = input.required<string>();
  readonly label = input<string>();
  readonly tone = computed(() => TONES[this.status()] ?? 'off');
}
