import type { HighlightSegment } from './search';
import type { AttachmentTrustInfo } from './trust';
import type { ActorRole } from './auth';

export type DeliveryState = 'pending' | 'delivered' | 'refused' | 'failed' | 'disabled';
export type ExportState = 'pending' | 'exported' | 'failed' | 'disabled';

export interface AttachmentCallbackInfo {
  status: DeliveryState;
  uid: string | null;
  url: string | null;
  deliveredAt: string | null;
  message?: string | null;
}

export interface AttachmentExportInfo {
  status: ExportState;
  key: string | null;
  error: string | null;
  exportedAt: string | null;
}

export type PreviewStatus = 'pending' | 'ready' | 'unsupported' | 'failed';
export type PreviewSize = 'small' | 'large';

/** Server-side preview of a file: WebP renditions (small fits 256², large 1280²) and a placeholder. */
export interface AttachmentPreviewInfo {
  status: PreviewStatus;
  /** The upright image's size in pixels, once read. */
  width: number | null;
  height: number | null;
  /** A tiny blurred WebP as a `data:` URL, to show while the rendition loads. */
  placeholder: string | null;
  /** Why it is `failed` or `unsupported` (`disabled` when the account turned previews off). */
  reason?: string;
  /** Signed like `url`, when `ready`. */
  smallUrl?: string;
  largeUrl?: string;
  /** PDFs: how many pages the document has (the preview shows the first). */
  pages?: number;
  /** Videos: running time in seconds (the preview is a poster frame). */
  durationSeconds?: number;
}

export interface AttachmentDto {
  id: string;
  chatId: string | null;
  messageId: string | null;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  url: string;
  createdAt: string;
  uploadedBy: { role: ActorRole; id: string | null; name: string };
  callback?: AttachmentCallbackInfo;
  export?: AttachmentExportInfo;
  preview: AttachmentPreviewInfo;
  /** Seed 000's `user_id`, when the file was uploaded for an end user. */
  endUserId?: string;
  /** Seed 003's `channel` of a from-URL upload. */
  channel?: string;
  /** Set when retention removed the file: the message keeps this stub ("file expired on …"). */
  expiredAt?: string;
  /** With a `text` search: an excerpt of the document's text, matches marked (plain text, never HTML). */
  snippet?: HighlightSegment[];
  trust?: AttachmentTrustInfo;
}

/** Status filters of the admin file listing; `none` matches files without that record. */
export const PREVIEW_FILTERS = ['ready', 'pending', 'failed', 'unsupported', 'none'] as const;
export const SCAN_FILTERS = ['clean', 'scanning', 'infected', 'unscanned', 'none'] as const;
export const EXPORT_FILTERS = ['exported', 'pending', 'failed', 'none'] as const;
export type PreviewFilter = (typeof PREVIEW_FILTERS)[number];
export type ScanFilter = (typeof SCAN_FILTERS)[number];
export type ExportFilter = (typeof EXPORT_FILTERS)[number];

export interface AttachmentListQuery {
  chatId?: string;
  role?: ActorRole;
  /** The uploading user's id (operators, admins). */
  uploaderId?: string;
  /** Text in the name or email of the chat's visitor. */
  visitor?: string;
  /** Size bounds in bytes, inclusive. */
  minSize?: number;
  maxSize?: number;
  preview?: PreviewFilter;
  scan?: ScanFilter;
  export?: ExportFilter;
  type?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Words inside documents (PDF, DOCX, plain text): matches come with a `snippet`. */
  text?: string;
  sort?: 'createdAt' | 'name' | 'size';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  cursor?: string;
}

/** Seed 001: `POST /v1/chat/upload/` success body. */
export interface SimpleUploadResponse {
  url: string;
  type: string;
}

/** Seed 003: from-URL upload request and success body. */
export interface FromUrlUploadRequest {
  sourceUrl: string;
  fileName?: string;
  mimeType?: string;
  channel?: string;
  /** A bearer token, or client credentials exchanged at `tokenUrl` (through the SSRF guard). */
  oauth?: FromUrlOAuth;
  /** 360dialog connector key, sent to the source as `D360-API-KEY`. */
  APIKey360?: string;
}

export interface FromUrlOAuth {
  accessToken?: string;
  tokenType?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
}

/** Seed 003 stream upload (`POST /v1/files?conversationId=`): as from-URL, without `id`. */
export type FileStreamUploadResponse = Omit<FromUrlUploadResponse, 'id'>;

/** Seed 000: `POST /upload_attachments` answer, success or refusal. */
export interface EndUserUploadResponse {
  status: 'success' | 'error';
  message: string;
  files?: { filename: string; content_type: string; size: number }[];
}

export interface FromUrlUploadResponse {
  message: 'File uploaded successfully.';
  etag: string;
  name: string;
  type: string;
  size: number;
  id: string;
}

/** `link`: a download through a signed URL, without a token. */
export type AuditActorRole = ActorRole | 'link' | 'system';

export interface AuditEventDto {
  id: string;
  action: string;
  outcome: 'success' | 'failure';
  reason: string | null;
  actor: { role: AuditActorRole; id: string | null; name: string | null };
  accountId: string;
  chatId: string | null;
  attachmentId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

export interface AuditEventQuery {
  action?: string;
  outcome?: 'success' | 'failure';
  role?: AuditActorRole;
  chatId?: string;
  attachmentId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
  cursor?: string;
}
