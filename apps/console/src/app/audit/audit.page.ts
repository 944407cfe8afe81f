import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  ACTOR_ROLES,
  AUDIT_ACTIONS,
  type AuditActorRole,
  type AuditEventDto,
  type AuditEventQuery,
} from '@satchel/contracts';
import { isoRange } from '../core/date-range';
import { PagedList } from '../core/list-state';
import { StatusChip } from '../core/status-chip';
import { AuditApi } from './audit.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, TranslateOrPipe } from '../i18n/format.pipes';

@Component({
  selector: 'sc-audit-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    StatusChip,
    TranslocoPipe,
    LocalDatePipe,
    TranslateOrPipe,
  ],
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(AuditApi);
  readonly actions = Object.values(AUDIT_ACTIONS);
  readonly roles = ACTOR_ROLES;
  readonly columns = ['createdAt', 'action', 'outcome', 'actor', 'target', 'ip', 'reason'];
  private readonly fb = inject(NonNullableFormBuilder);
  readonly filters = this.fb.group({
    action: [''],
    outcome: this.fb.control<'' | 'success' | 'failure'>(''),
    role: this.fb.control<AuditActorRole | ''>(''),
    chatId: [''],
    attachmentId: [''],
    start: [null as Date | null],
    end: [null as Date | null],
  });
  readonly list = new PagedList<AuditEventDto, AuditEventQuery>(
    (q) => this.api.list(q),
    () => this.query(),
    50,
  );

  constructor() {
    this.list.restartOn(this.filters.valueChanges);
  }

  ngOnInit(): void {
    void this.list.reload();
  }

  private query() {
    const f = this.filters.getRawValue();
    return {
      action: f.action || undefined,
      outcome: f.outcome || undefined,
      role: f.role || undefined,
      chatId: f.chatId.trim() || undefined,
      attachmentId: f.attachmentId.trim() || undefined,
      ...isoRange(f.start, f.end),
    };
  }

  clear(): void {
    this.filters.reset();
  }
}
