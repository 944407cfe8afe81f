// Loaded on demand (a separate chunk): renders a PDF's first page with pdf.js and counts its pages.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';

export interface PdfPreview {
  pages: number;
}

export async function renderFirstPage(
  data: ArrayBuffer,
  canvas: HTMLCanvasElement,
  width: number,
  workerSrc: string,
): Promise<PdfPreview> {
  GlobalWorkerOptions.workerSrc = workerSrc;
  const doc = await getDocument({ data, isEvalSupported: false, enableXfa: false, disableFontFace: false })
    .promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width / base.width) * (globalThis.devicePixelRatio || 1) });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    return { pages: doc.numPages };
  } finally {
    void doc.destroy();
  }
}
