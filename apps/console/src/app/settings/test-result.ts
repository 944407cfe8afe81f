import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { TestResult } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalNumberPipe } from '../i18n/format.pipes';

/** Outcome of "Test connection" / "Send test": what happened and, for callbacks, the receiver's reply. */
@Component({
  selector: 'sc-test-result',
  imports: [MatIconModule, TranslocoPipe, LocalNumberPipe],
  template: `
    <div class="result" [class.ok]="result().ok" role="status" aria-live="polite" data-testid="test-result">
      <mat-icon aria-hidden="true">{{ result().ok ? 'check_circle' : 'error' }}</mat-icon>
      <div>
        <strong>{{ (result().ok ? 'settings.success' : 'settings.failed') | transloco }}:</strong>
        {{ result().message }}
        <div class="muted small">
          {{ result().durationMs | localNumber }} ms
          @if (result().httpStatus) {
            · HTTP {{ result().httpStatus }}
          }
          @if (result().reason) {
            · {{ 'settings.reason' | transloco: { reason: result().reason } }}
          }
          @if (result().key) {
            · {{ 'settings.probe' | transloco: { key: result().key } }}
          }
        </div>
        @if (reply(); as text) {
          <div class="reply-label">{{ 'settings.reply' | transloco }}</div>
          <pre class="reply" data-testid="receiver-reply">{{ text }}</pre>
        }
      </div>
    </div>
  `,
  styles: `
    .result {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .result.ok {
      background: #d7f5df;
      color: #0b5123;
    }
    .small {
      font: var(--mat-sys-body-small);
      color: inherit;
      opacity: 0.85;
    }
    .reply-label {
      margin-top: 8px;
      font: var(--mat-sys-label-medium);
    }
    .reply {
      margin: 4px 0 0;
      white-space: pre-wrap;
      word-break: break-all;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TestResultView {
  readonly result = input.required<TestResult>();
  readonly reply = computed(() => {
    const r = this.result();
    if (r.response) return JSON.stringify(r.response, null, 2);
    return r.responseExcerpt ?? null;
  });
}
