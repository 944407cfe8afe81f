import type { PreviewKinds, PreviewSize, PreviewStatus } from '@satchel/contracts';
import type { PreviewKind } from './render/render-protocol';

/** Bounding boxes of the renditions; images are never enlarged to fill them. */
export const RENDITION_BOX: Record<PreviewSize, number> = { small: 256, large: 1280 };
export const PLACEHOLDER_WIDTH = 16;
export const PREVIEW_SIZES: readonly PreviewSize[] = ['small', 'large'];

/** What renders each detected content type (never the client's claim). */
const KIND_OF_TYPE: Readonly<Record<string, PreviewKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/avif': 'image',
  'image/tiff': 'image',
  'image/bmp': 'image',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/pdf': 'pdf',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
};

/** The account setting (`previewKinds`) that switches each kind. */
const SETTING_OF_KIND: Readonly<Record<PreviewKind, keyof PreviewKinds>> = {
  image: 'images',
  heic: 'heic',
  pdf: 'pdf',
  video: 'video',
};

export function previewKindOf(contentType: string): PreviewKind | undefined {
  return KIND_OF_TYPE[contentType.toLowerCase()];
}

export interface PreviewSwitches {
  generateThumbnails: boolean;
  previewKinds: PreviewKinds;
}

/** The content types the account currently previews. */
export function enabledContentTypes(switches: PreviewSwitches): string[] {
  if (!switches.generateThumbnails) return [];
  return Object.entries(KIND_OF_TYPE)
    .filter(([, kind]) => switches.previewKinds[SETTING_OF_KIND[kind]])
    .map(([type]) => type);
}

/** True when saving the settings switched previews (or one kind of them) on. */
export function previewsTurnedOn(before: PreviewSwitches, after: PreviewSwitches): boolean {
  const was = new Set(enabledContentTypes(before));
  return enabledContentTypes(after).some((t) => !was.has(t));
}

export interface InitialPreview {
  status: PreviewStatus;
  reason: string | null;
}

/** Reasons a later backfill may change its mind about (the switch, or a kind once not previewed). */
export const REVISABLE_REASONS = ['disabled', 'not previewable', 'not an image'];

/** The state a new attachment starts in: rendered later (`pending`), or never. */
export function initialPreview(contentType: string, switches: PreviewSwitches): InitialPreview {
  if (!switches.generateThumbnails) return { status: 'unsupported', reason: 'disabled' };
  const kind = previewKindOf(contentType);
  if (!kind) return { status: 'unsupported', reason: 'not previewable' };
  if (!switches.previewKinds[SETTING_OF_KIND[kind]]) return { status: 'unsupported', reason: 'disabled' };
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
