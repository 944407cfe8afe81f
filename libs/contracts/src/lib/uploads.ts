/** Upload rules of one role (seed 002): on/off, pipe-delimited extensions, maximum size in KB. */
export interface UploadRule {
  enabled: boolean;
  /** Pipe-delimited extension list, e.g. `pdf|xlsx`. */
  allowedTypes: string;
  /** KB = 1024 bytes. */
  maxSizeKb: number;
}

export interface UploadSettings {
  visitor: UploadRule;
  operator: UploadRule;
  /** Seed 000: downloads need a token or a signed URL. */
  accessTokenRequired: boolean;
  /** Seed 000: audit log of uploads and downloads. */
  loggingEnabled: boolean;
  /** Seed 000's `generate Thumbnails`: previews of new image files (on by default). */
  generateThumbnails: boolean;
  /** Seed 000's "preview options": which kinds of file get previews while `generateThumbnails` is on. */
  previewKinds: PreviewKinds;
  /** Platform ceiling from config; read-only. */
  platformMaxSizeKb: number;
}

/** Kinds of previews: photos (JPEG, PNG, GIF, WebP, AVIF, TIFF), HEIC/HEIF, PDF first pages, video posters. */
export interface PreviewKinds {
  images: boolean;
  heic: boolean;
  pdf: boolean;
  video: boolean;
}

export type UpdateUploadSettingsRequest = Partial<
  Omit<UploadSettings, 'platformMaxSizeKb' | 'previewKinds'>
> & {
  previewKinds?: Partial<PreviewKinds>;
};

/** The rule that applies to the caller (visitor or operator), for client-side checks. */
export interface EffectiveUploadRule extends UploadRule {
  role: 'visitor' | 'operator';
  extensions: string[];
  maxSizeBytes: number;
}
