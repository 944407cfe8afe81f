import type { Readable } from 'node:stream';
import type { Sharp, SharpOptions } from 'sharp';
import { PLACEHOLDER_WIDTH, RENDITION_BOX, placeholderDataUrl } from './preview-rules';

type SharpFactory = (input: Buffer, options: SharpOptions) => Sharp;
let loaded: Promise<SharpFactory> | undefined;

/**
 * libvips costs ~19 MiB of RSS once loaded: only processes that render load it. On a 2-core
 * server: one libvips thread per image and no operation cache (memory stays flat).
 */
function loadSharp(): Promise<SharpFactory> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

export interface RenderLimits {
  maxInputPixels: number;
  timeoutSeconds: number;
  maxInputBytes: number;
}

export interface Rendered {
  width: number;
  height: number;
  small: Buffer;
  large: Buffer;
  placeholder: string;
}

/** The image itself is unusable (corrupt, too many pixels, too large, too slow): retrying will not help. */
export class ImageRejectedError extends Error {}

/**
 * Reads an image (capped while streaming) and renders the WebP renditions: upright, never
 * enlarged, every metadata block dropped (sharp writes none unless asked). The pixel limit is
 * checked against the header before anything is decoded, so a "pixel bomb" costs no memory.
 */
export async function renderPreview(source: Readable, limits: RenderLimits): Promise<Rendered> {
  const input = await readCapped(source, limits.maxInputBytes);
  const sharp = await loadSharp();
  const open = () =>
    sharp(input, {
      limitInputPixels: limits.maxInputPixels,
      failOn: 'error',
      autoOrient: true,
      animated: false,
    }).timeout({ seconds: limits.timeoutSeconds });
  try {
    const meta = await open().metadata();
    const fit = (box: number) =>
      open().resize(box, box, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    const small = await fit(RENDITION_BOX.small);
    const large = await fit(RENDITION_BOX.large);
    const tiny = await open()
      .resize(PLACEHOLDER_WIDTH, PLACEHOLDER_WIDTH, { fit: 'inside' })
      .blur(0.6)
      .webp({ quality: 40 })
      .toBuffer();
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    return { ...upright, small, large, placeholder: placeholderDataUrl(tiny) };
  } catch (err) {
    throw new ImageRejectedError((err as Error).message);
  }
}

async function readCapped(source: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      source.destroy();
      throw new ImageRejectedError(`File larger than ${Math.floor(maxBytes / 1048576)} MiB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
