import { knownFileType } from './file-types';

/** How many leading bytes the content check looks at (what `file-type` needs for its signatures). */
export const CONTENT_HEAD_BYTES = 4100;

/** A type found from magic bytes (`file-type`'s `{ext, mime}`). */
export interface DetectedType {
  ext: string;
  mime: string;
}

export type ContentVerdict = { ok: true; mime: string } | { ok: false; actualMime: string; message: string };

// Signatures that are containers for several declared types; the declared type names the content better.
const CONTAINERS = new Set(['zip', 'cfb']);
const HTML_START =
  /^<(?:!doctype html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>/]/i;
const HTML_ANYWHERE =
  /<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta|link|base|form)[\s>/]/i;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Does the content agree with the file's extension?
 *
 * - Types with a signature (`magic`): `file-type` must report one of the expected signatures.
 * - Signature-less text types (txt, csv, md, json, svg, html): no binary signature, no NUL byte,
 *   valid UTF-8 in the head, and no HTML markup unless the file is declared as HTML (or SVG, which
 *   is markup by nature and is never served inline).
 *
 * `head` is the first CONTENT_HEAD_BYTES bytes (all of them for a smaller file). On success the MIME
 * to store and serve is the detected one, or the declared one when the signature is a generic
 * container (zip for docx/xlsx, OLE for doc/xls) or the type has no signature.
 */
export function contentVerdict(
  name: string,
  ext: string,
  detected: DetectedType | undefined,
  head: Uint8Array,
): ContentVerdict {
  const declared = knownFileType(ext);
  if (!declared) return mismatch(name, ext, detected?.mime ?? sniffText(head));
  if (declared.magic.length > 0) {
    if (detected && declared.magic.includes(detected.ext)) {
      return { ok: true, mime: CONTAINERS.has(detected.ext) ? declared.mime : detected.mime };
    }
    return mismatch(name, ext, detected?.mime ?? sniffText(head));
  }
  const isMarkup = declared.mime === 'text/html' || declared.mime === 'image/svg+xml';
  if (detected && !(isMarkup && detected.ext === 'xml')) return mismatch(name, ext, detected.mime);
  const actual = sniffText(head);
  if (actual === 'application/octet-stream') return mismatch(name, ext, actual);
  if (actual === 'text/html' && !isMarkup) return mismatch(name, ext, actual);
  return { ok: true, mime: declared.mime };
}

/** `text/html`, `text/plain` or `application/octet-stream` for signature-less content. */
export function sniffText(head: Uint8Array): string {
  if (head.length === 0) return 'application/x-empty';
  if (head.includes(0) || !isUtf8(head)) return 'application/octet-stream';
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
  return looksLikeHtml(text) ? 'text/html' : 'text/plain';
}

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.trimStart()) || HTML_ANYWHERE.test(text);
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the head. */
function isUtf8(head: Uint8Array): boolean {
  const body = UTF8_BOM.every((b, i) => head[i] === b) ? head.subarray(3) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function mismatch(name: string, ext: string, actualMime: string): ContentVerdict {
  const what = actualMime === 'application/x-empty' ? 'empty' : actualMime;
  return { ok: false, actualMime, message: `${name}: the content is ${what}, not a .${ext} file` };
}
