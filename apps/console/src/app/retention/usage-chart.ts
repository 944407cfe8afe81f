import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatSize } from '../i18n/format';
import { activeLang, t } from '../i18n/translate';

const W = 560;
const H = 160;
const PAD = 28;

/** Storage used per day as a simple SVG line (no chart library), with a text summary for screen readers. */
@Component({
  selector: 'sc-usage-chart',
  template: `
    <figure class="chart">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" [attr.aria-label]="summary()">
        <line
          [attr.x1]="pad"
          [attr.x2]="width - pad"
          [attr.y1]="height - pad"
          [attr.y2]="height - pad"
          class="axis"
        />
        @if (points(); as p) {
          <polyline [attr.points]="p" class="line" />
        }
        @for (d of dots(); track d.day) {
          <circle [attr.cx]="d.x" [attr.cy]="d.y" r="3" class="dot">
            <title>{{ d.label }}</title>
          </circle>
        }
        <text [attr.x]="pad" y="14" class="label">{{ maxLabel() }}</text>
        <text [attr.x]="pad" [attr.y]="height - 8" class="label">{{ first() }}</text>
        <text [attr.x]="width - pad" [attr.y]="height - 8" text-anchor="end" class="label">{{ last() }}</text>
      </svg>
      <figcaption>{{ summary() }}</figcaption>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    svg {
      width: 100%;
      max-width: 560px;
      height: auto;
      display: block;
    }
    .axis {
      stroke: var(--mat-sys-outline-variant);
    }
    .line {
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 2;
    }
    .dot {
      fill: var(--mat-sys-primary);
    }
    .label {
      font-size: 11px;
      fill: var(--mat-sys-on-surface-variant);
    }
    figcaption {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsageChart {
  readonly usage = input.required<{ day: string; bytes: number; files: number }[]>();
  readonly width = W;
  readonly height = H;
  readonly pad = PAD;

  private readonly max = computed(() => Math.max(1, ...this.usage().map((u) => u.bytes)));
  readonly dots = computed(() => {
    const u = this.usage();
    const step = u.length > 1 ? (W - 2 * PAD) / (u.length - 1) : 0;
    return u.map((d, i) => ({
      day: d.day,
      x: u.length > 1 ? PAD + i * step : W / 2,
      y: H - PAD - (d.bytes / this.max()) * (H - 2 * PAD - 10),
      label: `${d.day}: ${formatSize(d.bytes, activeLang())}, ${t('retention.files', { count: d.files })}`,
    }));
  });
  readonly points = computed(() => {
    const d = this.dots();
    return d.length > 1 ? d.map((p) => `${p.x},${p.y}`).join(' ') : null;
  });
  readonly maxLabel = computed(() => formatSize(this.max(), activeLang()));
  readonly first = computed(() => this.usage()[0]?.day ?? '');
  readonly last = computed(() => this.usage().at(-1)?.day ?? '');
  readonly summary = computed(() => {
    const u = this.usage();
    const now = u.at(-1);
    return now
      ? t('retention.chartSummary', {
          days: u.length,
          size: formatSize(now.bytes, activeLang()),
          files: now.files,
        })
      : t('retention.chartEmpty');
  });
}
