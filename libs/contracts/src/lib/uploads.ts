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
  /** Photos resized and re-encoded in the browser before upload, per role (off by default). */
  photoCompression: { visitor: PhotoCompression; operator: PhotoCompression };
  /** Platform ceiling from config; read-only. */
  platformMaxSizeKb: number;
}

/**
 * Browser-side photo compression: a JPEG or WebP photo larger than `maxDimensionPx` on its longer
 * side is scaled down and re-encoded at `quality` (1–100); the original is kept when that is not smaller.
 */
export interface PhotoCompression {
  enabled: boolean;
  maxDimensionPx: number;
  quality: number;
}

export const PHOTO_COMPRESSION_DEFAULTS: PhotoCompression = {
  enabled: false,
  maxDimensionPx: 2560,
  quality: 80,
};

/** Kinds of previews: photos (JPEG, PNG, GIF, WebP, AVIF, TIFF), HEIC/HEIF, PDF first pages, video posters. */
export interface PreviewKinds {
  images: boolean;
  heic: boolean;
  pdf: boolean;
  video: boolean;
}

export type UpdateUploadSettingsRequest = Partial<
  Omit<UploadSettings, 'platformMaxSizeKb' | 'previewKinds' | 'photoCompression'>
> & {
  previewKinds?: Partial<PreviewKinds>;
  photoCompression?: { visitor?: Partial<PhotoCompression>; operator?: Partial<PhotoCompression> };
};

/** The rule that applies to the caller (visitor or operator), for client-side checks. */
export interface EffectiveUploadRule extends UploadRule {
  role: 'visitor' | 'operator';
  extensions: string[];
  maxSizeBytes: number;
  /** Which level decided each part ("why can't I send this?"). */
  decidedBy?: {
    enabled: UploadRuleDecision;
    allowedTypes: UploadRuleDecision;
    maxSizeKb: UploadRuleDecision;
  };
  /** The uploader's groups whose rule applies (empty: the account's or platform's rule). */
  groups?: string[];
  /** The account's photo compression for this role; clients compress photos before uploading. */
  photoCompression?: PhotoCompression;
}

/** A level of the upload rules: platform default, platform limit (`ceiling`), account, group. */
export interface UploadRuleDecision {
  level: 'platform' | 'account' | 'group' | 'ceiling';
  /** The group's name (or names) when `level` is `group`. */
  name?: string;
}

/** `GET|PUT /v1/platform/upload-settings` (owner): defaults every account inherits, and ceilings. */
export interface PlatformUploadSettings {
  visitor: UploadRule;
  operator: UploadRule;
  /** No account or group goes beyond: size in KB, and (null = any) the permitted extensions. */
  ceiling: { maxSizeKb: number; allowedTypes: string | null };
  accessTokenRequired: boolean;
  loggingEnabled: boolean;
  generateThumbnails: boolean;
  /** `MAX_UPLOAD_SIZE_KB`: the owner's ceiling cannot exceed it. */
  hardLimitKb: number;
}

export interface UpdatePlatformUploadSettingsRequest {
  visitor?: Partial<UploadRule>;
  operator?: Partial<UploadRule>;
  ceiling?: { maxSizeKb?: number; allowedTypes?: string | null };
}

/** An upload group: operators assigned by an admin, or (`verified_visitor`) every verified visitor. */
export interface UploadGroupDto extends UploadRule {
  id: string;
  name: string;
  kind: 'operator' | 'verified_visitor';
  memberIds: string[];
  createdAt: string;
}

export interface CreateUploadGroupRequest extends UploadRule {
  name: string;
  kind?: 'operator' | 'verified_visitor';
}

export type UpdateUploadGroupRequest = Partial<Omit<CreateUploadGroupRequest, 'kind'>>;
