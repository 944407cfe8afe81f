import type { PhotoCompression } from '@satchel/contracts';

/** Photo types re-encoded as themselves (a PNG or GIF may be a drawing or animated: left alone). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/webp']);

/**
 * Scales a JPEG or WebP photo whose longer side exceeds `settings.maxDimensionPx` down to it and
 * re-encodes it at `settings.quality` (EXIF orientation applied; metadata such as GPS dropped). The
 * original comes back unchanged when compression is off, the file is not such a photo, cannot be
 * decoded, is small enough already, or the result would not be smaller. The name stays the same:
 * the type does not change.
 */
export async function compressImage(file: File, settings: PhotoCompression | undefined): Promise<File> {
  if (!settings?.enabled || !PHOTO_TYPES.has(file.type) || typeof createImageBitmap !== 'function')
    return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const longer = Math.max(bitmap.width, bitmap.height);
    if (longer <= settings.maxDimensionPx) return file;
    const scale = settings.maxDimensionPx / longer;
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await encode(bitmap, width, height, file.type, settings.quality / 100).catch(() => null);
    // A browser without this encoder answers with PNG: keep the original then.
    if (!blob || blob.type !== file.type || blob.size >= file.size) return file;
    return new File([blob], file.name, { type: file.type, lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}

async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  type: string,
  quality: number,
): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((ok) => canvas.toBlob(ok, type, quality));
}

/** `compressImage` over picked files, in their order. */
export function compressImages(files: File[], settings: PhotoCompression | undefined): Promise<File[]> {
  return Promise.all(files.map((f) => compressImage(f, settings)));
}
