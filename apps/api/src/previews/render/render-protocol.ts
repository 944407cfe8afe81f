/** What the preview renderer process understands (messages over its IPC channel). */
export type PreviewKind = 'image' | 'heic' | 'pdf' | 'video';

export interface RenderLimits {
  maxInputPixels: number;
  timeoutSeconds: number;
}

export interface RenderRequest {
  id: number;
  kind: PreviewKind;
  input: Uint8Array;
  limits: RenderLimits;
}

export interface RenderOutput {
  /** Upright size of the image, the PDF's first page (in points) or the video frame. */
  width: number;
  height: number;
  small: Uint8Array;
  large: Uint8Array;
  placeholder: string;
  pages?: number;
  durationMs?: number;
}

export type RenderReply =
  { id: number; ok: true; out: RenderOutput } | { id: number; ok: false; rejected: boolean; message: string };

/** The file itself cannot be previewed (corrupt, too large, too slow): retrying will not help. */
export class InputRejectedError extends Error {}
