import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { FILE_KINDS, type RetentionSummaryDto } from '@satchel/contracts';
import { QUOTA_WARNING_RATIO, quotaUsage } from '@satchel/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { FileSizePipe } from '../i18n/format.pipes';
import { formatNumber, formatSize } from '../i18n/format';
import { activeLang, t } from '../i18n/translate';
import { RetentionApi } from './retention.api';
import { RetentionFiles } from './retention-files';
import { RetentionSettingsForm } from './retention-settings-form';
import { UsageChart } from './usage-chart';

/** Retention: expiring, expired, unused and orphaned files; storage used; the policy with a dry run. */
@Component({
  selector: 'sc-retention-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RetentionFiles,
    RetentionSettingsForm,
    UsageChart,
    TranslocoPipe,
    FileSizePipe,
  ],
  templateUrl: './retention.page.html',
  styleUrl: './retention.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPage implements OnInit {
  private readonly api = inject(RetentionApi);
  private readonly notify = inject(Notify);
  readonly summary = signal<RetentionSummaryDto | null>(null);
  readonly kinds = FILE_KINDS;

  /** Shown from 80 % of the quota (bytes or files, whichever is fuller). */
  readonly quotaWarning = computed(() => {
    const q = this.summary()?.quota;
    if (!q) return null;
    const ratio = quotaUsage(q, { bytes: q.usedBytes, files: q.usedFiles });
    if (ratio === null || ratio < QUOTA_WARNING_RATIO) return null;
    const lang = activeLang();
    const parts = [
      q.maxBytes !== null
        ? t('retention.quotaBytes', {
            used: formatSize(q.usedBytes, lang),
            max: formatSize(q.maxBytes, lang),
          })
        : null,
      q.maxFiles !== null
        ? t('retention.quotaFiles', {
            used: formatNumber(q.usedFiles, lang),
            max: formatNumber(q.maxFiles, lang),
          })
        : null,
    ].filter(Boolean);
    return t('retention.quota', { percent: Math.round(ratio * 100), parts: parts.join(', ') });
  });

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.summary.set(await firstValueFrom(this.api.summary()));
    } catch (err) {
      this.notify.error(err, t('retention.loadFailed'));
    }
  }
}
