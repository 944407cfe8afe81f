import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  EXPORT_FILTERS,
  PREVIEW_FILTERS,
  SCAN_FILTERS,
  type ActorRole,
  type AttachmentDto,
  type AttachmentListQuery,
} from '@satchel/contracts';
import { debounceTime } from 'rxjs';
import { HighlightedText } from '../core/highlighted-text';
import { FileName } from '../core/file-name';
import { PagedList } from '../core/list-state';
import { StatusChip } from '../core/status-chip';
import { AttachmentsApi } from './attachments.api';
import { FileDetail } from './file-detail';
import {
  DEFAULT_SORT,
  EMPTY_FILTERS,
  filtersFromParams,
  listQuery,
  paramsFromFilters,
  type FileFilterForm,
  type FileSort,
  type SortField,
} from './file-filters';
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
const DETAIL_KEYS = ['visitor', 'minKb', 'maxKb', 'preview', 'scan', 'export'] as const;

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
    HighlightedText,
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
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The file whose row opened the panel: focus goes back to that row's button when it closes. */
  private openerId?: string;
  /** `?file=<id>` opens the side panel (deep-linkable). */
  readonly file = input<string>();

  readonly types = TYPE_FILTERS;
  readonly roles = ROLE_FILTERS;
  readonly previewStates = PREVIEW_FILTERS;
  readonly scanStates = SCAN_FILTERS;
  readonly exportStates = EXPORT_FILTERS;
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
    text: [''],
    role: this.fb.control<FileFilterForm['role']>(''),
    type: [''],
    chatId: [''],
    visitor: [''],
    minKb: this.fb.control<number | null>(null),
    maxKb: this.fb.control<number | null>(null),
    preview: this.fb.control<FileFilterForm['preview']>(''),
    scan: this.fb.control<FileFilterForm['scan']>(''),
    export: this.fb.control<FileFilterForm['export']>(''),
    start: [null as Date | null],
    end: [null as Date | null],
  });
  readonly list = new PagedList<AttachmentDto, AttachmentListQuery>(
    (q) => this.api.list(q),
    () => listQuery(this.formValue(), this.sort()),
  );
  readonly sort = signal<FileSort>(DEFAULT_SORT);
  /** The less common filters start folded away, unless the address asks for one of them. */
  readonly moreFilters = signal(false);
  /** Rows (and their thumbnails) survive a reload that returns the same files. */
  readonly trackById = (_: number, f: AttachmentDto): string => f.id;

  constructor() {
    this.list.restartOn(this.filters.valueChanges);
  }

  ngOnInit(): void {
    const { form, sort } = filtersFromParams(this.route.snapshot.queryParams);
    this.filters.setValue(form, { emitEvent: false });
    this.sort.set(sort);
    this.moreFilters.set(DETAIL_KEYS.some((k) => form[k] !== EMPTY_FILTERS[k]));
    this.filters.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.keepInAddress());
    void this.list.reload();
  }

  /** Sizes typed as "" or negative mean "any". */
  private formValue(): FileFilterForm {
    const f = this.filters.getRawValue();
    const size = (v: number | null) => (typeof v === 'number' && v >= 0 ? Math.floor(v) : null);
    return { ...f, minKb: size(f.minKb), maxKb: size(f.maxKb) };
  }

  /** Filters and sort live in the address, so a reload or a shared link shows the same list. */
  private keepInAddress(): void {
    void this.router.navigate([], {
      queryParams: paramsFromFilters(this.formValue(), this.sort()),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  onSort(s: Sort): void {
    this.sort.set(s.direction ? { field: s.active as SortField, order: s.direction } : DEFAULT_SORT);
    this.keepInAddress();
    void this.list.restart();
  }

  clearFilters(): void {
    this.filters.reset(EMPTY_FILTERS);
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
