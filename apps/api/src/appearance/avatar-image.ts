import { ValidationError } from '../common/errors/domain-errors';

export const AVATAR_MAX_BYTES = 512 * 1024;
const AVATAR_PX = 128;
const DATA_URL = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * Decodes an uploaded avatar and re-encodes it as a 128×128 WebP: what is stored and served is
 * always an image Satchel made (no metadata, no script, no polyglot).
 */
export async function avatarWebp(dataUrl: string): Promise<Buffer> {
  const match = DATA_URL.exec(dataUrl);
  if (!match?.[2]) throw invalid('must be a data:image/png, jpeg or webp;base64 URL');
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length > AVATAR_MAX_BYTES) throw invalid(`is larger than ${AVATAR_MAX_BYTES / 1024} KB`);
  // Loaded on first use: libvips costs memory that processes without avatars need not pay.
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(bytes, { limitInputPixels: 4096 * 4096, failOn: 'error' })
      .rotate()
      .resize(AVATAR_PX, AVATAR_PX, { fit: 'cover' })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw invalid('is not a readable PNG, JPEG or WebP image (at most 4096×4096)');
  }
}

function invalid(why: string): ValidationError {
  return new ValidationError(`The avatar ${why}`, 'dataUrl', { code: 'INVALID_AVATAR' });
}
