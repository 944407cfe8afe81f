import { loadSharp, renditionsOf } from './raster';
import { InputRejectedError, type RenderLimits, type RenderOutput } from './render-protocol';
import { runTool } from './run-tool';
import { withTempInput } from './temp-input';

interface Probe {
  streams?: { codec_type?: string; width?: number; height?: number }[];
  format?: { duration?: string };
}

/** A poster frame (one second in, or the middle of a shorter clip) and the duration, with ffmpeg. */
export function renderVideo(input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
  return withTempInput(input, 'in.video', async (dir, path) => {
    const tool = { timeoutMs: limits.timeoutSeconds * 1000, scrub: dir };
    const probe = JSON.parse(
      (
        await runTool(
          'ffprobe',
          [
            '-v',
            'error',
            '-show_entries',
            'format=duration:stream=codec_type,width,height',
            '-of',
            'json',
            path,
          ],
          { ...tool, maxStdout: 1024 * 1024 },
        )
      ).stdout.toString('utf8'),
    ) as Probe;
    const stream = probe.streams?.find((s) => s.codec_type === 'video');
    if (!stream?.width || !stream.height) throw new InputRejectedError('No video stream');
    if (stream.width * stream.height > limits.maxInputPixels)
      throw new InputRejectedError('Video frame exceeds pixel limit');
    const seconds = Number(probe.format?.duration ?? 0);
    const at = Number.isFinite(seconds) && seconds > 0 ? Math.min(1, seconds / 2) : 0;
    const frame = await runTool(
      'ffmpeg',
      [
        '-v',
        'error',
        '-threads',
        '1',
        '-ss',
        at.toFixed(3),
        '-i',
        path,
        '-frames:v',
        '1',
        '-f',
        'image2pipe',
        '-c:v',
        'png',
        '-',
      ],
      { ...tool, maxStdout: 256 * 1024 * 1024 },
    );
    if (!frame.stdout.length) throw new InputRejectedError('ffmpeg found no frame');
    const meta = await loadSharp()(frame.stdout).metadata();
    const rendered = await renditionsOf(
      loadSharp()(frame.stdout, { limitInputPixels: limits.maxInputPixels }),
    );
    const durationMs = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
    return { width: meta.width, height: meta.height, ...rendered, durationMs };
  });
}
