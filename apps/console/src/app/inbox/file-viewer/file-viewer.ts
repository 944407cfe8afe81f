import { Directionality } from '@angular/cdk/bidi';
import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttachmentDto, ChatFilesResponse } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { FileName } from '../../core/file-name';
import { PdfPreview } from '../../files/pdf-preview';
import { LocalNumberPipe } from '../../i18n/format.pipes';
import { t } from '../../i18n/translate';
import { downloadWithProgress } from '../download';
import { previewUrl } from '../preview-url';
import { viewerKind } from './viewable';
import { FIT, panBy, STEP, transformOf, zoomAt, type View } from './zoom-pan';
import { PointerGestures } from './pointer-gestures';

export interface FileViewerData {
  /** The files to page through; only images and PDFs that may be shown inline are kept. */
  files: AttachmentDto[];
  /** The file shown first. */
  startId: string;
  /** Pages through all of this chat's images and PDFs (fetched), not only `files`. */
  chatId?: string;
}

/**
 * Images and PDFs of a conversation, full screen: fit, zoom (buttons, wheel, pinch, + and − keys),
 * pan by dragging, previous/next (buttons and arrow keys), download; a modal dialog, so Escape
 * closes it, focus stays inside and returns to the opener. "Image 2 of 4" is announced.
 */
@Component({
  selector: 'sc-file-viewer',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    FileName,
    PdfPreview,
    TranslocoPipe,
    LocalNumberPipe,
  ],
  templateUrl: './file-viewer.html',
  styleUrl: './file-viewer.scss',
  // The dialog's panel (outside this component) is styled too: every selector starts with `.fv-`.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'fv-host' },
})
export class FileViewer {
  private readonly data = inject<FileViewerData>(MAT_DIALOG_DATA);
  private readonly http = inject(HttpClient);
  private readonly dir = inject(Directionality);
  private readonly stage = viewChild.required<ElementRef<HTMLElement>>('stage');

  readonly files = signal(this.data.files.filter((f) => viewerKind(f) !== null));
  readonly index = signal(
    Math.max(
      0,
      this.files().findIndex((f) => f.id === this.data.startId),
    ),
  );
  readonly current = computed(() => this.files()[this.index()]);
  private readonly currentId = computed(() => this.current().id);
  readonly kind = computed(() => viewerKind(this.current()) ?? 'image');
  readonly imageUrl = computed(() => previewUrl(this.current().url));
  readonly view = signal<View>(FIT);
  readonly transform = computed(() => transformOf(this.view()));
  readonly zoomPercent = computed(() => Math.round(this.view().scale * 100));
  readonly pdf = signal<Blob | null>(null);
  readonly pdfError = signal<string | null>(null);
  readonly downloading = signal<number | null>(null);
  readonly downloadError = signal<string | null>(null);
  readonly position = computed(() =>
    t(this.kind() === 'pdf' ? 'viewer.pdfOf' : 'viewer.imageOf', {
      index: this.index() + 1,
      total: this.files().length,
    }),
  );
  private readonly gestures = new PointerGestures({
    pan: (dx, dy) => this.view.update((v) => panBy(v, dx, dy)),
    pinch: (factor, x, y) => this.zoom(factor, x, y),
  });

  constructor() {
    if (this.data.chatId) void this.loadChatFiles(this.data.chatId);
    // From the whole dialog, wherever focus is in it (Escape is the dialog's own).
    inject(MatDialogRef)
      .keydownEvents()
      .pipe(takeUntilDestroyed())
      .subscribe((e) => this.onKey(e));
    effect(() => {
      this.currentId();
      untracked(() => this.show(this.current()));
    });
  }

  go(delta: number): void {
    const n = this.index() + delta;
    if (n >= 0 && n < this.files().length) this.index.set(n);
  }

  /** `x`, `y`: the point to keep in place, relative to the stage's centre. */
  zoom(factor: number, x = 0, y = 0): void {
    this.view.update((v) => zoomAt(v, factor, x, y));
  }

  fit(): void {
    this.view.set(FIT);
  }

  onKey(e: KeyboardEvent): void {
    const rtl = this.dir.value === 'rtl';
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.go(rtl ? -1 : 1),
      ArrowLeft: () => this.go(rtl ? 1 : -1),
      '+': () => this.zoom(STEP),
      '=': () => this.zoom(STEP),
      '-': () => this.zoom(1 / STEP),
      '0': () => this.fit(),
    };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  onWheel(e: WheelEvent): void {
    e.preventDefault();
    const { x, y } = this.fromCentre(e);
    this.zoom(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), x, y);
  }

  onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.stage().nativeElement.setPointerCapture(e.pointerId);
    this.gestures.down(e.pointerId, this.fromCentre(e));
  }

  onPointerMove(e: PointerEvent): void {
    this.gestures.move(e.pointerId, this.fromCentre(e));
  }

  onPointerUp(e: PointerEvent): void {
    this.gestures.up(e.pointerId);
  }

  /** Double click: zoom in there, or back to fit. */
  onDoubleClick(e: MouseEvent): void {
    const { x, y } = this.fromCentre(e);
    if (this.view().scale > 1) this.fit();
    else this.zoom(2, x, y);
  }

  async download(): Promise<void> {
    const f = this.current();
    this.downloadError.set(null);
    this.downloading.set(0);
    try {
      await downloadWithProgress(f.url, f.name, f.size, (p) => this.downloading.set(p));
    } catch (err) {
      this.downloadError.set(err instanceof Error ? err.message : t('attachment.downloadFailed'));
    } finally {
      this.downloading.set(null);
    }
  }

  private fromCentre(e: MouseEvent): { x: number; y: number } {
    const r = this.stage().nativeElement.getBoundingClientRect();
    return { x: e.clientX - (r.left + r.width / 2), y: e.clientY - (r.top + r.height / 2) };
  }

  private show(file: AttachmentDto): void {
    this.view.set(FIT);
    this.downloadError.set(null);
    this.pdf.set(null);
    this.pdfError.set(null);
    if (viewerKind(file) === 'pdf') void this.loadPdf(file);
  }

  private async loadPdf(file: AttachmentDto): Promise<void> {
    try {
      const res = await fetch(previewUrl(file.url));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = await res.blob();
      if (this.current().id === file.id) this.pdf.set(blob);
    } catch (err) {
      if (this.current().id === file.id)
        this.pdfError.set(err instanceof Error ? err.message : t('attachment.downloadFailed'));
    }
  }

  /** The chat's images and PDFs, oldest first, keeping the file on screen where it is. */
  private async loadChatFiles(chatId: string): Promise<void> {
    try {
      const res = await firstValueFrom(this.http.get<ChatFilesResponse>(`/v1/chats/${chatId}/attachments`));
      const all = res.items.filter((f) => viewerKind(f) !== null);
      const at = all.findIndex((f) => f.id === this.current().id);
      if (at < 0) return;
      // The same object on screen: its image is not fetched again with the list's fresh link.
      all[at] = this.current();
      this.files.set(all);
      this.index.set(at);
    } catch {
      // The viewer still shows the files it was opened with.
    }
  }
}
