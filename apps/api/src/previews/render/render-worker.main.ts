import { renderHeic } from './heic';
import { renderPdf } from './pdf';
import { renderRaster } from './raster';
import {
  type PreviewKind,
  type RenderLimits,
  type RenderOutput,
  type RenderReply,
  type RenderRequest,
} from './render-protocol';
import { renderVideo } from './video';

/**
 * The preview renderer process: decoders run here, never in the API, under a heap limit and a
 * time limit enforced by the parent (which kills and replaces this process). Errors from a
 * decoder mean the file is unusable; only this process's own death is worth a retry.
 */
const RENDERERS: Record<PreviewKind, (input: Uint8Array, limits: RenderLimits) => Promise<RenderOutput>> = {
  image: renderRaster,
  heic: renderHeic,
  pdf: renderPdf,
  video: renderVideo,
};

process.on('message', (req: RenderRequest) => {
  void RENDERERS[req.kind](
    Buffer.from(req.input.buffer, req.input.byteOffset, req.input.byteLength),
    req.limits,
  )
    .then(
      (out): RenderReply => ({ id: req.id, ok: true, out }),
      (err: unknown): RenderReply => ({
        id: req.id,
        ok: false,
        rejected: true,
        message: err instanceof Error ? err.message : String(err),
      }),
    )
    .then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
