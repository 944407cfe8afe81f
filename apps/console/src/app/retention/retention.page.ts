import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { FILE_KINDS, type RetentionSummaryDto } from '@satchel/contracts';
import { formatBytes, QUOTA_WARNING_RATIO, quotaUsage } from '@satchel/domain';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { RetentionApi } from './retention.api';
import { RetentionFiles } from './retention-files';
import { RetentionSettingsForm } from './retention-settings-form';
import { UsageChart } from './usage-chart';

/** Retention: expiring, expired, unused and orphaned files; storage used; the policy with a dry run. */
@Component({
  selector: 'sc-retention-page',
  imports: [MatButtonModule, MatIconModule, RetentionFiles, RetentionSettingsForm, UsageChart],
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
    const parts = [
      q.maxBytes !== null ? `${formatBytes(q.usedBytes)} of ${formatBytes(q.maxBytes)}` : null,
      q.maxFiles !== null ? `${q.usedFiles} of ${q.maxFiles} files` : null,
    ].filter(Boolean);
    return `This account has used ${Math.round(ratio * 100)} % of its storage quota (${parts.join(', ')}).`;
  });

  ngOnInit(): void {
    void this.load();
  }

  size(bytes: number): string {
    return formatBytes(bytes);
  }

  async load(): Promise<void> {
    try {
      this.summary.set(await firstValueFrom(this.api.summary()));
    } catch (err) {
      this.notify.error(err, 'Could not load storage figures');
    }
  }
}
