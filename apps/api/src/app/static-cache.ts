/** Content-hashed build outputs (Angular's `main-XQIXIKUO.js`, `chunk-…js`, `styles-…css`, media). */
const HASHED = /[-.][A-Z0-9]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpe?g|gif|webp|avif)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cached, but revalidated every time with the ETag (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** The original name of a precompressed variant: `widget.js.br` → `widget.js`. */
export function originalName(path: string): string {
  return path.replace(/\.(?:br|gz)$/, '');
}

/** Cache-Control for a built static file: hashed names never change, every other name may. */
export function cacheControlFor(path: string): string {
  return HASHED.test(originalName(path)) ? IMMUTABLE : REVALIDATE;
}

export function isHtml(path: string): boolean {
  return originalName(path).endsWith('.html');
}
