import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EffectiveUploadRule, UploadRuleDecision } from '@satchel/contracts';
import { describeDecision, formatBytes } from '@satchel/domain';

interface WhyLine {
  label: string;
  value: string;
  by: string;
}

/**
 * "Why can't I send this?": the operator's effective rule, part by part, with the level that set
 * each part (platform default or limit, this account's rule, or a group).
 */
@Component({
  selector: 'sc-upload-rule-why',
  template: `
    @if (lines(); as rows) {
      <details class="rule-why" [open]="open()">
        <summary>Why can't I send this?</summary>
        <ul>
          @for (l of rows; track l.label) {
            <li>
              <strong>{{ l.label }}:</strong> {{ l.value }} <span class="muted">— set by {{ l.by }}</span>
            </li>
          }
        </ul>
      </details>
    }
  `,
  styles: `
    .rule-why {
      margin: 4px 0 8px;
      font-size: 0.875rem;
    }
    summary {
      cursor: pointer;
    }
    ul {
      margin: 4px 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadRuleWhy {
  readonly rule = input<EffectiveUploadRule | null>(null);
  readonly open = input(false);

  readonly lines = computed((): WhyLine[] | null => {
    const r = this.rule();
    if (!r?.decidedBy) return null;
    const by = (d: UploadRuleDecision) => describeDecision(d, r.role);
    const lines: WhyLine[] = [
      { label: 'Sending files', value: r.enabled ? 'allowed' : 'not allowed', by: by(r.decidedBy.enabled) },
    ];
    if (r.enabled) {
      lines.push(
        {
          label: 'File types',
          value: r.extensions.map((e) => `.${e}`).join(', '),
          by: by(r.decidedBy.allowedTypes),
        },
        { label: 'Largest file', value: formatBytes(r.maxSizeBytes), by: by(r.decidedBy.maxSizeKb) },
      );
    }
    return lines;
  });
}
