import type { PreviewSize, PreviewStatus } from '@satchel/contracts';

/** Bounding boxes of the renditions; images are never enlarged to fill them. */
export const RENDITION_BOX: Record<PreviewSize, number> = { small: 256, large: 1280 };
export const PLACEHOLDER_WIDTH = 16;
export const PREVIEW_SIZES: readonly PreviewSize[] = ['small', 'large'];

/** Raster types this slice renders (detected content types, never the client's). */
const RASTER_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/tiff',
  'image/bmp',
]);

export function isRasterImage(contentType: string): boolean {
  return RASTER_TYPES.has(contentType.toLowerCase());
}

export interface InitialPreview {
  status: PreviewStatus;
  reason: string | null;
}

/** The state a new attachment starts in: rendered later (`pending`), or never. */
export function initialPreview(contentType: string, enabled: boolean): InitialPreview {
  if (!enabled) return { status: 'unsupported', reason: 'disabled' };
  if (!isRasterImage(contentType)) return { status: 'unsupported', reason: 'not an image' };
  return { status: 'pending', reason: null };
}

/** Size of an image fitted inside a `box`×`box` square, never enlarged (what sharp's `fit: inside` gives). */
export function fitInside(width: number, height: number, box: number): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height));
  if (scale === 1) return { width, height };
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** EXIF orientations 5–8 turn the image a quarter: the upright width is the stored height. */
export function uprightSize(
  width: number,
  height: number,
  orientation: number | undefined,
): { width: number; height: number } {
  return orientation !== undefined && orientation >= 5 && orientation <= 8
    ? { width: height, height: width }
    : { width, height };
}

export function placeholderDataUrl(webp: Buffer): string {
  return `data:image/webp;base64,${webp.toString('base64')}`;
}

/** Short, stable text for a failure shown to users (sharp's messages carry no paths). */
export function failureReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].slice(0, 300);
}
