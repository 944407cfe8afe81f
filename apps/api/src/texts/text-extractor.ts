import type { PDFiumLibrary } from '@hyzyla/pdfium' with { 'resolution-mode': 'require' };
import type JSZip from 'jszip';
import { xlsxText } from './xlsx-text';

/** Caps of one extraction: bigger files are skipped, longer texts cut, slow documents stopped. */
export const EXTRACT_LIMITS = { maxBytes: 20 * 1024 * 1024, maxChars: 200_000, timeoutMs: 15_000 };

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PLAIN = new Set(['text/plain', 'text/csv', 'text/markdown']);

export type ExtractableKind = 'pdf' | 'docx' | 'xlsx' | 'text';

export function extractableKind(contentType: string): ExtractableKind | null {
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType === DOCX) return 'docx';
  if (contentType === XLSX) return 'xlsx';
  return PLAIN.has(contentType) ? 'text' : null;
}

/** A document that cannot be read (damaged, encrypted, not what it claims): not retried. */
export class UnreadableDocumentError extends Error {}

let library: Promise<PDFiumLibrary> | undefined;

/** PDFium (WebAssembly), as for previews: no JavaScript engine inside, so a document's scripts never run. */
function pdfium(): Promise<PDFiumLibrary> {
  library ??= // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('@hyzyla/pdfium') as { PDFiumLibrary: { init(): Promise<PDFiumLibrary> } }).PDFiumLibrary.init();
  return library;
}

async function pdfText(input: Uint8Array, deadline: number): Promise<string> {
  const lib = await pdfium();
  let doc;
  try {
    doc = await lib.loadDocument(input);
  } catch (err) {
    throw new UnreadableDocumentError(`Not a readable PDF: ${(err as Error).message}`);
  }
  try {
    let out = '';
    for (const page of doc.pages()) {
      out += `${page.getText()}\n`;
      // Pages are read synchronously: the time and size caps are checked between them.
      if (out.length >= EXTRACT_LIMITS.maxChars || Date.now() > deadline) break;
    }
    return out;
  } finally {
    doc.destroy();
  }
}

async function docxText(input: Buffer): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mammoth = require('mammoth') as { extractRawText(i: { buffer: Buffer }): Promise<{ value: string }> };
  try {
    return (await mammoth.extractRawText({ buffer: input })).value;
  } catch (err) {
    throw new UnreadableDocumentError(`Not a readable DOCX: ${(err as Error).message}`);
  }
}

async function workbookText(input: Buffer): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Zip = require('jszip') as typeof JSZip;
  try {
    return await xlsxText(await Zip.loadAsync(input), EXTRACT_LIMITS.maxChars);
  } catch (err) {
    throw new UnreadableDocumentError(`Not a readable XLSX: ${(err as Error).message}`);
  }
}

const EXTRACTORS: Record<ExtractableKind, (input: Buffer, deadline: number) => Promise<string>> = {
  pdf: pdfText,
  docx: docxText,
  xlsx: workbookText,
  text: (input) => Promise.resolve(input.toString('utf8')),
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreadableDocumentError(`Extraction took over ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The document's text, whitespace-collapsed and cut to `maxChars`. */
export async function extractText(kind: ExtractableKind, input: Buffer): Promise<string> {
  const deadline = Date.now() + EXTRACT_LIMITS.timeoutMs;
  const raw = await withTimeout(EXTRACTORS[kind](input, deadline), EXTRACT_LIMITS.timeoutMs);
  return (
    raw
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f]/g, '')
      .replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
      .slice(0, EXTRACT_LIMITS.maxChars)
  );
}
