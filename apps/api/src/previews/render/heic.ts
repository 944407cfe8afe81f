import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderRaster } from './raster';
import { InputRejectedError, type RenderLimits, type RenderOutput } from './render-protocol';
import { runTool } from './run-tool';
import { withTempInput } from './temp-input';

/**
 * HEIC/HEIF (HEVC inside, which the prebuilt sharp cannot decode): libheif's `heif-convert`
 * writes the primary image as JPEG (turned upright), then it is rendered like any photo.
 */
export function renderHeic(input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
  return withTempInput(input, 'in.heic', async (dir, path) => {
    await runTool('heif-convert', ['-q', '92', path, join(dir, 'out.jpg')], {
      timeoutMs: limits.timeoutSeconds * 1000,
      maxStdout: 64 * 1024,
      scrub: dir,
    });
    // A file with several images is written as out-1.jpg, out-2.jpg…: the first one is shown.
    const written = (await readdir(dir)).filter((f) => /^out(-\d+)?\.jpg$/.test(f)).sort();
    if (!written.length) throw new InputRejectedError('heif-convert wrote no image');
    return renderRaster(await readFile(join(dir, written[0])), limits);
  });
}
