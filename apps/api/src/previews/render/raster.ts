import type { Sharp, SharpOptions } from 'sharp';
import { PLACEHOLDER_WIDTH, RENDITION_BOX, placeholderDataUrl } from '../preview-rules';
import type { RenderLimits, RenderOutput } from './render-protocol';

type SharpFactory = (input?: Buffer | Uint8Array, options?: SharpOptions) => Sharp;
let loaded: SharpFactory | undefined;

/** One libvips thread per image and no operation cache: the renderer's memory stays flat. */
export function loadSharp(): SharpFactory {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sharp = require('sharp') as SharpFactory & {
      concurrency(n: number): void;
      cache(o: boolean): void;
    };
    sharp.concurrency(1);
    sharp.cache(false);
    loaded = sharp;
  }
  return loaded;
}

export type Renditions = Pick<RenderOutput, 'small' | 'large' | 'placeholder'>;

/**
 * Decodes once into the large box, then derives every rendition from those pixels: upright,
 * never enlarged, no metadata (sharp writes none unless asked).
 */
export async function renditionsOf(image: Sharp): Promise<Renditions> {
  const sharp = loadSharp();
  const box = RENDITION_BOX.large;
  const { data, info } = await image
    .resize(box, box, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const small = RENDITION_BOX.small;
  const [large, smallWebp, tiny] = await Promise.all([
    sharp(data, raw).webp({ quality: 80 }).toBuffer(),
    sharp(data, raw)
      .resize(small, small, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer(),
    sharp(data, raw)
      .resize(PLACEHOLDER_WIDTH, PLACEHOLDER_WIDTH, { fit: 'inside' })
      .blur(0.6)
      .webp({ quality: 40 })
      .toBuffer(),
  ]);
  return { small: smallWebp, large, placeholder: placeholderDataUrl(tiny) };
}

/**
 * A raster image (JPEG, PNG, GIF's first frame, WebP, AVIF, TIFF). The pixel limit is checked
 * against the header before anything is decoded, so a pixel or zlib bomb costs no memory.
 */
export async function renderRaster(input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
  const open = () =>
    loadSharp()(input, {
      limitInputPixels: limits.maxInputPixels,
      failOn: 'error',
      autoOrient: true,
      animated: false,
    }).timeout({ seconds: limits.timeoutSeconds });
  const meta = await open().metadata();
  if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxInputPixels)
    throw new Error('Input image exceeds pixel limit');
  const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
  return { ...upright, ...(await renditionsOf(open())) };
}
