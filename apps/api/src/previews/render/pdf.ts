import type { PDFiumLibrary } from '@hyzyla/pdfium' with { 'resolution-mode': 'require' };
import { RENDITION_BOX } from '../preview-rules';
import { loadSharp, renditionsOf } from './raster';
import { InputRejectedError, type RenderLimits, type RenderOutput } from './render-protocol';

let library: Promise<PDFiumLibrary> | undefined;

/** PDFium (WebAssembly): no JavaScript engine inside, so a document's scripts never run. */
function pdfium(): Promise<PDFiumLibrary> {
  library ??= // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('@hyzyla/pdfium') as { PDFiumLibrary: { init(): Promise<PDFiumLibrary> } }).PDFiumLibrary.init();
  return library;
}

/** The first page on white, fitted to the large box (a poster-sized page is not rendered bigger). */
export async function renderPdf(input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
  const lib = await pdfium();
  let doc;
  try {
    doc = await lib.loadDocument(input);
  } catch (err) {
    throw new InputRejectedError(`Not a readable PDF: ${(err as Error).message}`);
  }
  try {
    const pages = doc.getPageCount();
    if (pages < 1) throw new InputRejectedError('The PDF has no pages');
    const page = doc.getPage(0);
    const { originalWidth: w, originalHeight: h } = page.getOriginalSize();
    if (!(w > 0 && h > 0)) throw new InputRejectedError('The first page has no size');
    const scale = Math.min(4, RENDITION_BOX.large / Math.max(w, h));
    if (w * h * scale * scale > limits.maxInputPixels)
      throw new InputRejectedError('Page exceeds pixel limit');
    const bitmap = await page.render({ scale, render: 'bitmap' });
    const rgba = bgraToRgba(bitmap.data);
    const image = loadSharp()(rgba, {
      raw: { width: bitmap.width, height: bitmap.height, channels: 4 },
    }).flatten({
      background: '#ffffff',
    });
    return { width: Math.round(w), height: Math.round(h), pages, ...(await renditionsOf(image)) };
  } finally {
    doc.destroy();
  }
}

function bgraToRgba(bgra: Uint8Array): Buffer {
  const out = Buffer.from(bgra);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = bgra[i + 2];
    out[i + 2] = bgra[i];
  }
  return out;
}
