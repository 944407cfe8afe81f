import { ChangeDetectionStrategy, Component, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { ActorRole, AttachmentDto, AttachmentListQuery } from '@satchel/contracts';
import { isoRange } from '../core/date-range';
import { FileName } from '../core/file-name';
import { PagedList } from '../core/list-state';
import { StatusChip } from '../core/status-chip';
import { AttachmentsApi } from './attachments.api';
import { FileDetail } from './file-detail';
import { FileThumb } from './file-thumb';
import { TranslocoPipe } from '@jsverse/transloco';
import { FileSizePipe, LocalDatePipe, LocalNumberPipe } from '../i18n/format.pipes';
import { TrustBadges } from '../trust/trust-badges';

export const TYPE_FILTERS: { value: string; label: string }[] = [
  { value: 'image/*', label: 'files.types.images' },
  { value: 'application/pdf', label: 'files.types.pdf' },
  { value: 'doc', label: 'files.types.doc' },
  { value: 'docx', label: 'files.types.docx' },
  { value: 'xls', label: 'files.types.xls' },
  { value: 'xlsx', label: 'files.types.xlsx' },
  { value: 'text/*', label: 'files.types.text' },
  { value: 'video/*', label: 'files.types.video' },
  { value: 'audio/*', label: 'files.types.audio' },
];
const ROLE_FILTERS: ActorRole[] = ['visitor', 'operator', 'admin', 'owner', 'api', 'bot'];
type SortField = NonNullable<AttachmentListQuery['sort']>;

@Component({
  selector: 'sc-files-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSidenavModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    StatusChip,
    FileThumb,
    TrustBadges,
    FileDetail,
    FileName,
    TranslocoPipe,
    FileSizePipe,
    LocalDatePipe,
    LocalNumberPipe,
  ],
  templateUrl: './files.page.html',
  styleUrl: './files.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilesPage implements OnInit {
  private readonly api = inject(AttachmentsApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The file whose row opened the panel: focus goes back to that row's button when it closes. */
  private openerId?: string;
  /** `?file=<id>` opens the side panel (deep-linkable). */
  readonly file = input<string>();
  readonly chatId = input<string>();

  readonly types = TYPE_FILTERS;
  readonly roles = ROLE_FILTERS;
  readonly columns = [
    'thumb',
    'name',
    'size',
    'contentType',
    'chat',
    'uploader',
    'createdAt',
    'trust',
    'callback',
    'export',
  ];
  private readonly fb = inject(NonNullableFormBuilder);
  readonly filters = this.fb.group({
    q: [''],
    role: this.fb.control<ActorRole | ''>(''),
    type: [''],
    chatId: [''],
    start: [null as Date | null],
    end: [null as Date | null],
  });
  readonly list = new PagedList<AttachmentDto, AttachmentListQuery>(
    (q) => this.api.list(q),
    () => this.query(),
  );
  readonly sort = signal<{ field: SortField; order: 'asc' | 'desc' }>({ field: 'createdAt', order: 'desc' });
  /** Rows (and their thumbnails) survive a reload that returns the same files. */
  readonly trackById = (_: number, f: AttachmentDto): string => f.id;

  constructor() {
    this.list.restartOn(this.filters.valueChanges);
  }

  ngOnInit(): void {
    if (this.chatId()) this.filters.patchValue({ chatId: this.chatId() }, { emitEvent: false });
    void this.list.reload();
  }

  private query() {
    const f = this.filters.getRawValue();
    return {
      q: f.q.trim() || undefined,
      role: f.role || undefined,
      type: f.type || undefined,
      chatId: f.chatId.trim() || undefined,
      ...isoRange(f.start, f.end),
      sort: this.sort().field,
      order: this.sort().order,
    };
  }

  onSort(s: Sort): void {
    this.sort.set(
      s.direction
        ? { field: s.active as SortField, order: s.direction }
        : { field: 'createdAt', order: 'desc' },
    );
    void this.list.restart();
  }

  clearFilters(): void {
    this.filters.reset();
  }

  open(file: AttachmentDto): void {
    this.openerId = file.id;
    void this.router.navigate([], { queryParams: { file: file.id }, queryParamsHandling: 'merge' });
  }

  close(): void {
    void this.router
      .navigate([], { queryParams: { file: null }, queryParamsHandling: 'merge' })
      .then(() => this.refocusOpener());
  }

  /**
   * The drawer restores focus only while focus is still inside it; when the panel's content is
   * removed first (Escape, the close button) focus would fall to the page, so put it back here.
   */
  private refocusOpener(): void {
    const id = this.openerId;
    this.openerId = undefined;
    if (!id) return;
    const opener = this.host.nativeElement.querySelector<HTMLElement>(`[data-file-open="${CSS.escape(id)}"]`);
    if (opener && document.activeElement !== opener) opener.focus();
  }

  onDeleted(): void {
    this.close();
    void this.list.reload();
  }
}
