import type { PdfPreview } from './pdf-preview';

type PdfModule = typeof import('./pdf-preview');

let assetBase = '';
let loading: Promise<PdfModule> | null = null;

export function setAssetBase(base: string): void {
  assetBase = base;
}

function load(): Promise<PdfModule> {
  // The chunk is a separate file next to widget.js, fetched only when a PDF needs a preview.
  loading ??= import(/* webpackIgnore: true */ `${assetBase}/pdf-preview.js`) as Promise<PdfModule>;
  return loading;
}

/** Renders the first page of a PDF into `canvas`; resolves with the page count. */
export async function previewPdf(blob: Blob, canvas: HTMLCanvasElement, width: number): Promise<PdfPreview> {
  const mod = await load();
  return mod.renderFirstPage(await blob.arrayBuffer(), canvas, width, `${assetBase}/pdf.worker.min.mjs`);
}
