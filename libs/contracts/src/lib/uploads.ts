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
  /** Platform ceiling from config; read-only. */
  platformMaxSizeKb: number;
}

export type UpdateUploadSettingsRequest = Partial<Omit<UploadSettings, 'platformMaxSizeKb'>>;

/** The rule that applies to the caller (visitor or operator), for client-side checks. */
export interface EffectiveUploadRule extends UploadRule {
  role: 'visitor' | 'operator';
  extensions: string[];
  maxSizeBytes: number;
}
