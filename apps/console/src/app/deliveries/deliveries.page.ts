import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { DeliveryDto, DeliveryKind, DeliveryListQuery, DeliveryStatus } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { PagedList } from '../core/list-state';
import { Notify } from '../core/notify.service';
import { StatusChip } from '../core/status-chip';
import { DeliveriesApi } from './deliveries.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, LocalNumberPipe, TranslateOrPipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';

@Component({
  selector: 'sc-deliveries-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    StatusChip,
    TranslocoPipe,
    LocalDatePipe,
    LocalNumberPipe,
    TranslateOrPipe,
  ],
  templateUrl: './deliveries.page.html',
  styleUrl: './deliveries.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveriesPage implements OnInit {
  private readonly api = inject(DeliveriesApi);
  private readonly notify = inject(Notify);
  /** Deep links from Files: `?attachmentId=` / `?chatId=`. */
  readonly attachmentId = input<string>();
  readonly chatId = input<string>();

  readonly kinds: DeliveryKind[] = ['callback', 'export', 'event'];
  readonly statuses: DeliveryStatus[] = ['pending', 'delivered', 'exported', 'refused', 'failed'];
  readonly columns = ['kind', 'target', 'status', 'attempts', 'lastError', 'updatedAt', 'actions'];
  private readonly fb = inject(NonNullableFormBuilder);
  readonly filters = this.fb.group({
    kind: this.fb.control<DeliveryKind | ''>(''),
    status: this.fb.control<DeliveryStatus | ''>(''),
    attachmentId: [''],
    chatId: [''],
  });
  readonly list = new PagedList<DeliveryDto, DeliveryListQuery>(
    (q) => this.api.list(q),
    () => this.query(),
  );
  readonly expanded = signal<string | null>(null);
  readonly retrying = signal<string | null>(null);

  constructor() {
    this.list.restartOn(this.filters.valueChanges);
  }

  ngOnInit(): void {
    this.filters.patchValue(
      { attachmentId: this.attachmentId() ?? '', chatId: this.chatId() ?? '' },
      { emitEvent: false },
    );
    void this.list.reload();
  }

  private query() {
    const f = this.filters.getRawValue();
    return {
      kind: f.kind || undefined,
      status: f.status || undefined,
      attachmentId: f.attachmentId.trim() || undefined,
      chatId: f.chatId.trim() || undefined,
    };
  }

  toggle(d: DeliveryDto): void {
    this.expanded.update((id) => (id === d.id ? null : d.id));
  }

  canRetry(d: DeliveryDto): boolean {
    return d.status === 'failed' || d.status === 'refused';
  }

  async retry(d: DeliveryDto): Promise<void> {
    this.retrying.set(d.id);
    try {
      await firstValueFrom(this.api.retry(d.id));
      this.notify.success(t('deliveries.queued'));
      await this.list.reload();
    } catch (err) {
      this.notify.error(err, t('deliveries.retryFailed'));
    } finally {
      this.retrying.set(null);
    }
  }
}
