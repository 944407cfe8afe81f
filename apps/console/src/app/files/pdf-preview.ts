import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { TranslocoPipe } from '@jsverse/transloco';
import { t } from '../i18n/translate';

type PdfJs = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js is loaded only when a PDF is previewed; its worker is copied to /console/pdfjs/. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.mjs', document.baseURI).href;
    return m;
  });
  return pdfjsPromise;
}

/**
 * Renders a PDF to canvases with pdf.js (`isEvalSupported: false`, no scripting, no XFA): the
 * document never runs code and never gets a browsing context of its own.
 */
@Component({
  selector: 'sc-pdf-preview',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'pdf.rendering' | transloco" />
    }
    @if (error(); as m) {
      <p class="error-text" role="alert">{{ 'pdf.failed' | transloco: { message: m } }}</p>
    }
    <div class="pages" role="img" [attr.aria-label]="label()">
      <canvas #canvas data-testid="pdf-canvas"></canvas>
    </div>
    @if (pages() > 1) {
      <div class="nav">
        <button
          mat-icon-button
          type="button"
          (click)="go(-1)"
          [disabled]="pageNo() <= 1"
          [attr.aria-label]="'pdf.previous' | transloco"
        >
          <mat-icon class="mirror-rtl">chevron_left</mat-icon>
        </button>
        <span aria-live="polite">{{ 'pdf.page' | transloco: { page: pageNo(), pages: pages() } }}</span>
        <button
          mat-icon-button
          type="button"
          (click)="go(1)"
          [disabled]="pageNo() >= pages()"
          [attr.aria-label]="'pdf.next' | transloco"
        >
          <mat-icon class="mirror-rtl">chevron_right</mat-icon>
        </button>
      </div>
    }
  `,
  styles: `
    .pages {
      background: var(--mat-sys-surface-container-high);
      padding: 8px;
      border-radius: 8px;
      text-align: center;
    }
    canvas {
      max-width: 100%;
      height: auto;
      box-shadow: 0 1px 3px rgb(0 0 0 / 30%);
      background: white;
    }
    .nav {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PdfPreview {
  readonly src = input.required<Blob>();
  readonly name = input('');
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly pages = signal(0);
  readonly pageNo = signal(1);
  readonly label = signal('PDF preview');
  private doc: PDFDocumentProxy | null = null;
  private task: PDFDocumentLoadingTask | null = null;

  constructor() {
    effect(() => void this.open(this.src()));
    inject(DestroyRef).onDestroy(() => void this.close());
  }

  go(delta: number): void {
    this.pageNo.update((n) => Math.min(this.pages(), Math.max(1, n + delta)));
    void this.render();
  }

  private async open(blob: Blob): Promise<void> {
    await this.close();
    this.loading.set(true);
    this.error.set(null);
    try {
      const pdfjs = await loadPdfJs();
      this.task = pdfjs.getDocument({
        data: new Uint8Array(await blob.arrayBuffer()),
        isEvalSupported: false,
        enableXfa: false,
        disableAutoFetch: true,
      });
      this.doc = await this.task.promise;
      this.pages.set(this.doc.numPages);
      this.pageNo.set(1);
      await this.render();
    } catch (err) {
      this.error.set(err instanceof Error ? err.message : 'unknown error');
    } finally {
      this.loading.set(false);
    }
  }

  private async render(): Promise<void> {
    if (!this.doc) return;
    const page = await this.doc.getPage(this.pageNo());
    const canvas = this.canvas().nativeElement;
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({
      scale: Math.min(2, 800 / base.width) * (window.devicePixelRatio || 1),
    });
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport }).promise;
    this.label.set(t('pdf.label', { name: this.name(), page: this.pageNo(), pages: this.pages() }));
  }

  private async close(): Promise<void> {
    const task = this.task;
    this.task = null;
    this.doc = null;
    await task?.destroy();
  }
}
