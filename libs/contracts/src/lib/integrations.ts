/** Customer integrations: file callback, S3 export, event notifications and their delivery log. */

export const EVENT_TYPES = [
  'attachment.created',
  'attachment.deleted',
  'message.created',
  'attachment.expired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `GET|PUT /v1/settings/callback`. The signing secret is never returned after it was shown once. */
export interface CallbackSettings {
  enabled: boolean;
  url: string | null;
  /** Event notifications (JSON) to a separate endpoint, signed with the same secret. */
  eventsEnabled: boolean;
  eventsUrl: string | null;
  eventTypes: EventType[];
  /** Last 4 characters of the signing secret; null until one was generated. */
  secretLast4: string | null;
  secretCreatedAt: string | null;
  updatedAt: string | null;
}

export interface UpdateCallbackSettingsRequest {
  enabled?: boolean;
  url?: string | null;
  eventsEnabled?: boolean;
  eventsUrl?: string | null;
  eventTypes?: EventType[];
}

/**
 * Returned by PUT when it generated the first secret, and by `POST /v1/settings/callback/rotate-secret`:
 * the only time the full secret (`whsec_<base64 key>`) is shown.
 */
export interface CallbackSettingsWithSecret extends CallbackSettings {
  secret?: string;
}

/** `POST /v1/settings/callback/test` body: optionally test an unsaved URL with the saved secret. */
export interface CallbackTestRequest {
  url?: string;
}

export type TestFailureReason =
  | 'not_configured'
  | 'blocked'
  | 'unreachable'
  | 'timeout'
  | 'http_error'
  | 'bad_response'
  | 'refused'
  | 'bad_credentials'
  | 'missing_bucket'
  | 'access_denied'
  | 'unknown';

/** Outcome of a settings test: `ok` plus a readable message; failures name a reason. */
export interface TestResult {
  ok: boolean;
  message: string;
  reason?: TestFailureReason;
  durationMs: number;
  /** Callback test: the receiver's HTTP status and parsed reply. */
  httpStatus?: number;
  response?: { status?: number; uid?: string; url?: string; message?: string };
  responseExcerpt?: string;
  /** S3 test: the probe object key written and deleted. */
  key?: string;
}

/** `GET|PUT /v1/settings/s3-export` (seed 002 "Uploading files on AWS"). Secrets only as last 4. */
export interface S3ExportSettings {
  /** Seed 002's "Disable AWS S3 File Store" toggle: true stops new exports. */
  disabled: boolean;
  configured: boolean;
  accessKeyIdLast4: string | null;
  secretAccessKeyLast4: string | null;
  region: string;
  bucket: string | null;
  folder: string;
  /** S3-compatible endpoint (MinIO, R2, ...); path-style addressing is used when set. */
  endpoint: string | null;
  updatedAt: string | null;
}

/** Omitted secret fields keep the stored values. */
export interface UpdateS3ExportSettingsRequest {
  disabled?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
  bucket?: string;
  folder?: string;
  endpoint?: string | null;
}

/** `POST /v1/settings/s3-export/test` body: unsaved form values; omitted fields use the saved ones. */
export type S3ExportTestRequest = UpdateS3ExportSettingsRequest;

/** `POST /v1/settings/s3-export/backlog`: attachments never exported (or failed) queued again. */
export interface BacklogResult {
  enqueued: number;
}

export type DeliveryKind = 'callback' | 'export' | 'event';
export type DeliveryStatus = 'pending' | 'delivered' | 'refused' | 'exported' | 'failed';
export type AttemptOutcome = 'delivered' | 'exported' | 'refused' | 'error';

export interface DeliveryAttemptDto {
  attempt: number;
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  /** First 2 KiB of the reply. */
  responseExcerpt: string | null;
  error: string | null;
  outcome: AttemptOutcome;
}

export interface DeliveryDto {
  id: string;
  kind: DeliveryKind;
  /** Standard Webhooks `webhook-id`: the same on every retry. */
  webhookId: string;
  attachmentId: string | null;
  chatId: string | null;
  eventType: EventType | null;
  /** Callback/event URL, or `s3://bucket/key` for exports. */
  target: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastHttpStatus: number | null;
  /** Callback success: the receiver's `uid` and `url`. */
  uid: string | null;
  url: string | null;
  /** Export: the object key in the customer's bucket. */
  exportKey: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  attemptsLog: DeliveryAttemptDto[];
}

export interface DeliveryListQuery {
  attachmentId?: string;
  chatId?: string;
  status?: DeliveryStatus;
  kind?: DeliveryKind;
  page?: number;
  pageSize?: number;
  /** The previous page's `nextCursor` (newest first); wins over `page`. */
  cursor?: string;
}
