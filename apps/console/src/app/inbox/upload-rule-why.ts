import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EffectiveUploadRule, UploadRuleDecision } from '@satchel/contracts';
import { formatBytes } from '@satchel/domain';
import { decisionText, type DecisionText } from './rule-decision';

interface WhyLine {
  /** Catalogue key of the part (`ruleWhy.sending`…). */
  label: string;
  value: string;
  /** The value is itself a catalogue key (allowed / not allowed). */
  valueIsKey: boolean;
  by: DecisionText;
}

/**
 * "Why can't I send this?": the operator's effective rule, part by part, with the level that set
 * each part (platform default or limit, this account's rule, or a group).
 */
@Component({
  selector: 'sc-upload-rule-why',
  imports: [TranslocoPipe],
  template: `
    @if (lines(); as rows) {
      <details class="rule-why" [open]="open()">
        <summary>{{ 'ruleWhy.summary' | transloco }}</summary>
        <ul>
          @for (l of rows; track l.label) {
            <li>
              <strong>{{ l.label | transloco }}:</strong>
              {{ l.valueIsKey ? (l.value | transloco) : l.value }}
              <span class="muted"
                >— {{ 'ruleWhy.setBy' | transloco: { by: (l.by.key | transloco: l.by.params) } }}</span
              >
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
    const by = (d: UploadRuleDecision) => decisionText(d, r.role);
    const lines: WhyLine[] = [
      {
        label: 'ruleWhy.sending',
        value: r.enabled ? 'ruleWhy.allowed' : 'ruleWhy.notAllowed',
        valueIsKey: true,
        by: by(r.decidedBy.enabled),
      },
    ];
    if (r.enabled) {
      lines.push(
        {
          label: 'ruleWhy.types',
          value: r.extensions.map((e) => `.${e}`).join(', '),
          valueIsKey: false,
          by: by(r.decidedBy.allowedTypes),
        },
        {
          label: 'ruleWhy.largest',
          value: formatBytes(r.maxSizeBytes),
          valueIsKey: false,
          by: by(r.decidedBy.maxSizeKb),
        },
      );
    }
    return lines;
  });
}
