import { resolve } from 'node:path';
import { z } from 'zod';
import {
  LIMIT_RULE,
  parseLimit,
  POLICY_NAMES,
  RATE_LIMIT_POLICIES,
  type Limit,
  type RateLimitPolicy,
} from '../rate-limit/rate-limit.policies';
import { DEFAULT_ALLOWED_TYPES, normalizeAllowedTypes } from '@satchel/domain';
import { azureConnectionStringProblem } from './azure-connection-string';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** `10s`, `5m`, `1h` or plain milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h)?$/, 'a duration such as 500ms, 10s, 5m or 1h')
  .transform((v) => parseDuration(v));

/** Environment variables, their defaults and validation. The README configuration table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  RUN_MODE: z.enum(['all', 'api', 'worker']).default('all'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  STATIC_ROOT: z.string().min(1).default('dist/apps'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/, 'letters, digits, ":", "_" or "-" only')
    .default('satchel'),
  ADMIN_EMAIL: z.string().email().default('admin@satchel.local'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SECRETS_KEY: z
    .string()
    .refine((v) => decodeKey(v)?.length === 32, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  SESSION_TTL_HOURS: int(1, 24 * 365).default(12),
  CONNECTION_STRING_TTL_SECONDS: int(10, 86400).default(300),
  CHAT_IDLE_TIMEOUT_MINUTES: int(1, 525600).default(1440),
  STORAGE_DRIVER: z.enum(['disk', 's3', 'azure', 'gcs']).default('disk'),
  STORAGE_PATH: z.string().min(1).optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  AZURE_STORAGE_CONNECTION_STRING: z
    .string()
    .superRefine((v, ctx) => {
      const problem = azureConnectionStringProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `not a valid connection string: ${problem}` });
    })
    .optional(),
  AZURE_CONTAINER: z
    .string()
    .regex(
      /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
      'must be a valid container name (3-63 of a-z, 0-9, "-")',
    )
    .optional(),
  GCS_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'must be a valid bucket name (a-z, 0-9, ".", "_", "-")')
    .optional(),
  GCS_PROJECT_ID: z.string().min(1).optional(),
  GCS_API_ENDPOINT: url(['http:', 'https:']).optional(),
  GCS_KEY_FILE: z.string().min(1).optional(),
  MAX_UPLOAD_SIZE_KB: int(1, 100 * 1024 * 1024).default(1024 * 1024 * 2),
  MAX_FILES_PER_REQUEST: int(1, 100).default(10),
  DOWNLOAD_URL_TTL_SECONDS: int(10, 7 * 86400).default(3600),
  OUTBOUND_ALLOW: list.default([]),
  OUTBOUND_TIMEOUT_MS: int(100, 600000).default(30000),
  FROM_URL_MAX_REDIRECTS: int(0, 10).default(5),
  CALLBACK_TIMEOUT_MS: int(100, 600000).default(30000),
  CALLBACK_RETRY_SCHEDULE: z
    .string()
    .regex(/^\d+(ms|s|m|h)?(,\d+(ms|s|m|h)?)*$/, 'a comma list of delays like 10s,1m,10m,1h,6h')
    .default('10s,1m,10m,1h,6h'),
  CALLBACK_RETRY_ON_REFUSAL: bool.default(true),
  EXPORT_RETRY_SCHEDULE: z
    .string()
    .regex(/^\d+(ms|s|m|h)?(,\d+(ms|s|m|h)?)*$/, 'a comma list of delays like 10s,1m,10m,1h,6h')
    .default('10s,1m,10m,1h,6h'),
  RECONCILE_INTERVAL_MS: int(1000, 86400000).default(60000),
  RECONCILE_GRACE_MS: int(0, 86400000).default(30000),
  RECONCILE_WATCH_INTERVAL_MS: int(500, 3600000).default(10000),
  SHUTDOWN_DEADLINE_MS: int(1000, 3600000).default(25000),
  JOB_LOCK_DURATION_MS: int(500, 3600000).default(30000),
  JOB_STALLED_INTERVAL_MS: int(500, 3600000).default(30000),
  HTTP_HEADERS_TIMEOUT_MS: int(100, 600000).default(20000),
  HTTP_REQUEST_TIMEOUT_MS: int(0, 3600000).default(120000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 600000).default(5000),
  HTTP_MAX_REQUESTS_PER_SOCKET: int(0, 1000000).default(1000),
  UPLOAD_STALL_TIMEOUT_MS: int(100, 3600000).default(30000),
  UPLOAD_STALL_MIN_BYTES: int(1, 100 * 1024 * 1024).default(1024),
  SOCKET_CONNECT_TIMEOUT_MS: int(100, 600000).default(10000),
  TEMP_MAX_AGE_MINUTES: int(1, 525600).default(60),
  TEMP_SWEEP_INTERVAL_MINUTES: int(1, 1440).default(15),
  RESUMABLE_UPLOADS_DIR: z.string().min(1).optional(),
  RESUMABLE_UPLOAD_EXPIRY_SECONDS: int(1, 30 * 86400).default(86400),
  RESUMABLE_SWEEP_INTERVAL_SECONDS: int(1, 86400).default(900),
  RETENTION_SWEEP_INTERVAL: duration.default(parseDuration('1h')),
  RETENTION_MAX_DAYS: int(1, 36500).optional(),
  RETENTION_DAY_SECONDS: int(1, 86400).default(86400),
  RETENTION_UNUSED_GRACE: duration.default(parseDuration('24h')),
  RETENTION_ORPHAN_GRACE: duration.default(parseDuration('1h')),
  RETENTION_EXPIRING_SOON_DAYS: int(1, 365).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** OWASP's minimum for argon2id is m=19456 KiB, t=2, p=1: weaker settings are refused. */
  ARGON2_MEMORY_KIB: int(19456, 4 * 1024 * 1024).default(19456),
  ARGON2_TIME_COST: int(2, 100).default(2),
  ARGON2_PARALLELISM: int(1, 64).default(1),
  PASSWORD_HASH_CONCURRENCY: int(1, 64).default(2),
  PASSWORD_HASH_QUEUE: int(0, 100000).default(64),
  PREVIEW_MAX_INPUT_PIXELS: int(1, 1_000_000_000).default(50_000_000),
  PREVIEW_TIMEOUT_SECONDS: int(1, 3600).default(30),
  PREVIEW_MAX_INPUT_MB: int(1, 4096).default(100),
  PREVIEW_RENDERER_HEAP_MB: int(32, 16384).default(256),
  PREVIEW_RETRY_DELAY_MS: int(10, 3_600_000).default(2000),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Satchel <satchel@localhost>'),
  INVITATION_TTL_HOURS: int(1, 24 * 90).default(168),
  PASSWORD_RESET_TTL_MINUTES: int(5, 24 * 60).default(30),
  NOTIFY_OFFLINE_DELAY_SECONDS: int(1, 86400).default(300),
  // Seed 000's settings table: platform defaults every account inherits until it sets its own.
  MAX_FILE_SIZE: int(1, 100 * 1024 * 1024).default(5),
  ALLOWED_FILE_TYPES: z
    .string()
    .refine((v) => pipeTypeList(v) !== undefined, 'must list known extensions, e.g. ".pdf, .jpg"')
    .optional(),
  ATTACHMENT_STORAGE_PATH: z.string().min(1).optional(),
  GENERATE_THUMBNAILS: bool.default(true),
  ACCESS_TOKEN_REQUIRED: bool.default(true),
  LOGGING_ENABLED: bool.default(true),
  ENCRYPTION_KEYS: z
    .string()
    .superRefine((v, ctx) => {
      const problem = masterKeysProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  ENCRYPTION_KMS_KEY_ID: z.string().min(1).optional(),
  ENCRYPTION_KMS_REGION: z.string().min(1).default('us-east-1'),
  ENCRYPTION_KMS_ENDPOINT: url(['http:', 'https:']).optional(),
  CLAMAV_URL: url(['tcp:']).optional(),
  CLAMAV_TIMEOUT_MS: int(100, 600000).default(30000),
  RESCAN_INTERVAL_MS: int(1000, 86400000).default(60000),
});

/** Seed 000's `allowed_file_types` (`.pdf, .jpg`; commas, spaces or pipes) as a pipe list. */
function pipeTypeList(types: string): string | undefined {
  try {
    return normalizeAllowedTypes(types.replace(/[,\s]+/g, '|').replace(/^\|+|\|+$/g, ''));
  } catch {
    return undefined;
  }
}

const limitSpec = z.string().refine((v) => parseLimit(v) !== undefined, `must be ${LIMIT_RULE}`);

/** `RATE_LIMIT_*` variables, one per policy of the rate-limit table. */
const rateLimitSchema = z.object(
  Object.fromEntries(Object.values(RATE_LIMIT_POLICIES).map((p) => [p.env, limitSpec.default(p.default)])),
);

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  runMode: Env['RUN_MODE'];
  http: { host: string; port: number; publicUrl: string; limits: HttpLimits };
  dataDir: string;
  /** Where the built console and widget are served from. */
  staticRoot: string;
  database: { url: string | undefined; embeddedPort: number };
  redis: { url: string; queuePrefix: string };
  admin: { email: string; password: string | undefined };
  secretsKey: Buffer | undefined;
  auth: { sessionTtlHours: number; connectionStringTtlSeconds: number };
  chats: { idleTimeoutMinutes: number };
  storage: {
    driver: Env['STORAGE_DRIVER'];
    path: string;
    s3: {
      bucket?: string;
      region: string;
      endpoint?: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    };
    azure: { connectionString?: string; container?: string };
    /** Without `keyFile` the Google default credentials apply; with `apiEndpoint` (an emulator) no auth. */
    gcs: { bucket?: string; projectId?: string; apiEndpoint?: string; keyFile?: string };
  };
  uploads: {
    maxSizeKb: number;
    maxFilesPerRequest: number;
    downloadUrlTtlSeconds: number;
    /** Fewer than `minBytes` of body within `ms` cuts an upload with 408 UPLOAD_STALLED. */
    stall: { ms: number; minBytes: number };
    /** Seed 000's settings: what accounts inherit when neither they nor the owner set a value. */
    platformDefaults: PlatformUploadDefaults;
  };
  /** Local temp files of unfinished uploads older than `maxAgeMinutes` are deleted at start and every interval. */
  temp: { maxAgeMinutes: number; sweepIntervalMinutes: number };
  /** tus uploads: parts under `dir` (shared by the processes of one machine); incomplete ones expire. */
  tus: { dir: string; expirySeconds: number; sweepIntervalSeconds: number };
  /**
   * Retention sweeps: interval, the platform maximum in days, the length of a "day" (shortened only in
   * tests), the grace before an unused upload goes, and before an unknown storage object is an orphan.
   */
  retention: {
    sweepIntervalMs: number;
    maxDays: number | null;
    dayMs: number;
    unusedGraceMs: number;
    orphanGraceMs: number;
    expiringSoonDays: number;
  };
  realtime: { connectTimeoutMs: number };
  outbound: { allow: string[]; timeoutMs: number; maxRedirects: number };
  callbacks: { timeoutMs: number; retryScheduleMs: number[]; retryOnRefusal: boolean };
  /** Exports retry on their own schedule; reconciliation re-queues what was never queued. */
  integrations: {
    exportRetryScheduleMs: number[];
    reconcileIntervalMs: number;
    reconcileGraceMs: number;
    /** How often workers check that Redis still has the reconciliation schedule. */
    reconcileWatchIntervalMs: number;
  };
  /** SIGTERM: readiness false at once, in-flight work finishes or is aborted by `deadlineMs`, then exit. */
  shutdown: { deadlineMs: number };
  /** BullMQ lock and stalled-job check: a worker that dies mid-job has it redelivered after these. */
  jobs: { lockDurationMs: number; stalledIntervalMs: number };
  /** Default limit of every rate-limit policy (accounts may override some). */
  rateLimits: Record<RateLimitPolicy, Limit>;
  passwords: {
    argon2: { memoryCost: number; timeCost: number; parallelism: number };
    /** Hashes/verifies running at once, and how many may wait before logins get 503. */
    concurrency: number;
    queue: number;
  };
  /** Image previews: decoded-pixel ceiling (checked from the header, before decoding) and time limit. */
  previews: {
    maxInputPixels: number;
    timeoutSeconds: number;
    maxInputBytes: number;
    /** V8 heap ceiling of the renderer process (decoders never run in the API process). */
    rendererHeapMb: number;
    /** First retry delay of a preview job (doubling, 5 tries). */
    retryDelayMs: number;
  };
  logLevel: Env['LOG_LEVEL'];
  /** `auto`: pretty lines in a terminal, JSON lines otherwise. */
  logFormat: Env['LOG_FORMAT'];
  /** Without a token, `/metrics` answers loopback clients only. */
  metricsToken: string | undefined;
  /** Emails: sent through `smtpUrl`, or written to the console's outbox when it is unset. */
  mail: {
    smtpUrl: string | undefined;
    from: string;
    invitationTtlHours: number;
    passwordResetTtlMinutes: number;
    /** An operator without a console socket this long after a new chat or message gets an email. */
    notifyOfflineDelayMs: number;
  };
  /** Master keys (the first wraps new data keys); undefined in development = generated under DATA_DIR. */
  encryption: {
    keys: { id: string; key: Buffer }[] | undefined;
    kms?: { keyId: string; region: string; endpoint?: string };
  };
  /** clamd over TCP (`CLAMAV_URL`); off when undefined. */
  scanning: { clamd?: { host: string; port: number }; timeoutMs: number; rescanIntervalMs: number };
}

export interface PlatformUploadDefaults {
  rule: { enabled: boolean; allowedTypes: string; maxSizeKb: number };
  accessTokenRequired: boolean;
  loggingEnabled: boolean;
  generateThumbnails: boolean;
}

/** Node HTTP server limits against slow or greedy clients (applied by `applyHttpLimits`). */
export interface HttpLimits {
  headersTimeoutMs: number;
  /** Whole-request deadline for non-upload requests; 0 disables it. Uploads have the stall timer. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** 0 means no limit. */
  maxRequestsPerSocket: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function decodeKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

const REQUIRED_FOR_DRIVER: Record<Env['STORAGE_DRIVER'], (keyof Env)[]> = {
  disk: [],
  s3: ['S3_BUCKET'],
  azure: ['AZURE_STORAGE_CONNECTION_STRING', 'AZURE_CONTAINER'],
  gcs: ['GCS_BUCKET', 'GCS_PROJECT_ID'],
};

function parseDuration(token: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(token);
  if (!match) throw new Error(`bad duration ${token}`);
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[match[2] ?? 'ms'] ?? 1;
  return Number(match[1]) * unit;
}

/** Validates the environment into one typed object; every problem names its variable. */
export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const limits = rateLimitSchema.safeParse(cleaned);
  const issues = [...(parsed.error?.issues ?? []), ...(limits.error?.issues ?? [])];
  if (!parsed.success || !limits.success || issues.length) {
    throw new ConfigError(issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const rateLimits = Object.fromEntries(
    POLICY_NAMES.map((name) => [name, parseLimit(limits.data[RATE_LIMIT_POLICIES[name].env] ?? '')]),
  ) as Record<RateLimitPolicy, Limit>;
  const missing = REQUIRED_FOR_DRIVER[e.STORAGE_DRIVER].filter((name) => !e[name]);
  if (missing.length > 0)
    throw new ConfigError(missing.map((name) => `${name}: required when STORAGE_DRIVER=${e.STORAGE_DRIVER}`));
  if (e.NODE_ENV === 'production' && !e.SECRETS_KEY)
    throw new ConfigError(['SECRETS_KEY: required in production']);
  if (e.NODE_ENV === 'production' && !e.ENCRYPTION_KEYS && !e.ENCRYPTION_KMS_KEY_ID)
    throw new ConfigError([
      'ENCRYPTION_KEYS: required in production (a comma list of <id>:<base64 32-byte key>, the first one current)',
    ]);
  return {
    env: e.NODE_ENV,
    runMode: e.RUN_MODE,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      limits: {
        headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        maxRequestsPerSocket: e.HTTP_MAX_REQUESTS_PER_SOCKET,
      },
    },
    dataDir: e.DATA_DIR,
    // Absolute once: res.sendFile refuses relative paths, and the default is relative to the cwd.
    staticRoot: resolve(e.STATIC_ROOT),
    database: { url: e.DATABASE_URL, embeddedPort: e.EMBEDDED_PG_PORT },
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    secretsKey: e.SECRETS_KEY ? decodeKey(e.SECRETS_KEY) : undefined,
    auth: {
      sessionTtlHours: e.SESSION_TTL_HOURS,
      connectionStringTtlSeconds: e.CONNECTION_STRING_TTL_SECONDS,
    },
    chats: { idleTimeoutMinutes: e.CHAT_IDLE_TIMEOUT_MINUTES },
    storage: {
      driver: e.STORAGE_DRIVER,
      path: e.STORAGE_PATH ?? e.ATTACHMENT_STORAGE_PATH ?? `${e.DATA_DIR}/files`,
      s3: {
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        endpoint: e.S3_ENDPOINT,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      },
      azure: { connectionString: e.AZURE_STORAGE_CONNECTION_STRING, container: e.AZURE_CONTAINER },
      gcs: {
        bucket: e.GCS_BUCKET,
        projectId: e.GCS_PROJECT_ID,
        apiEndpoint: e.GCS_API_ENDPOINT,
        keyFile: e.GCS_KEY_FILE,
      },
    },
    uploads: {
      maxSizeKb: e.MAX_UPLOAD_SIZE_KB,
      maxFilesPerRequest: e.MAX_FILES_PER_REQUEST,
      downloadUrlTtlSeconds: e.DOWNLOAD_URL_TTL_SECONDS,
      stall: { ms: e.UPLOAD_STALL_TIMEOUT_MS, minBytes: e.UPLOAD_STALL_MIN_BYTES },
      platformDefaults: {
        rule: {
          enabled: true,
          allowedTypes: (e.ALLOWED_FILE_TYPES && pipeTypeList(e.ALLOWED_FILE_TYPES)) || DEFAULT_ALLOWED_TYPES,
          maxSizeKb: e.MAX_FILE_SIZE * 1024,
        },
        accessTokenRequired: e.ACCESS_TOKEN_REQUIRED,
        loggingEnabled: e.LOGGING_ENABLED,
        generateThumbnails: e.GENERATE_THUMBNAILS,
      },
    },
    temp: { maxAgeMinutes: e.TEMP_MAX_AGE_MINUTES, sweepIntervalMinutes: e.TEMP_SWEEP_INTERVAL_MINUTES },
    tus: {
      dir: e.RESUMABLE_UPLOADS_DIR ?? `${e.DATA_DIR}/tus`,
      expirySeconds: e.RESUMABLE_UPLOAD_EXPIRY_SECONDS,
      sweepIntervalSeconds: e.RESUMABLE_SWEEP_INTERVAL_SECONDS,
    },
    retention: {
      sweepIntervalMs: Math.max(e.RETENTION_SWEEP_INTERVAL, 1000),
      maxDays: e.RETENTION_MAX_DAYS ?? null,
      dayMs: e.RETENTION_DAY_SECONDS * 1000,
      unusedGraceMs: e.RETENTION_UNUSED_GRACE,
      orphanGraceMs: e.RETENTION_ORPHAN_GRACE,
      expiringSoonDays: e.RETENTION_EXPIRING_SOON_DAYS,
    },
    realtime: { connectTimeoutMs: e.SOCKET_CONNECT_TIMEOUT_MS },
    outbound: {
      allow: e.OUTBOUND_ALLOW,
      timeoutMs: e.OUTBOUND_TIMEOUT_MS,
      maxRedirects: e.FROM_URL_MAX_REDIRECTS,
    },
    callbacks: {
      timeoutMs: e.CALLBACK_TIMEOUT_MS,
      retryScheduleMs: e.CALLBACK_RETRY_SCHEDULE.split(',').map(parseDuration),
      retryOnRefusal: e.CALLBACK_RETRY_ON_REFUSAL,
    },
    integrations: {
      exportRetryScheduleMs: e.EXPORT_RETRY_SCHEDULE.split(',').map(parseDuration),
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
      reconcileGraceMs: e.RECONCILE_GRACE_MS,
      reconcileWatchIntervalMs: e.RECONCILE_WATCH_INTERVAL_MS,
    },
    shutdown: { deadlineMs: e.SHUTDOWN_DEADLINE_MS },
    jobs: { lockDurationMs: e.JOB_LOCK_DURATION_MS, stalledIntervalMs: e.JOB_STALLED_INTERVAL_MS },
    rateLimits,
    passwords: {
      argon2: {
        memoryCost: e.ARGON2_MEMORY_KIB,
        timeCost: e.ARGON2_TIME_COST,
        parallelism: e.ARGON2_PARALLELISM,
      },
      concurrency: e.PASSWORD_HASH_CONCURRENCY,
      queue: e.PASSWORD_HASH_QUEUE,
    },
    previews: {
      maxInputPixels: e.PREVIEW_MAX_INPUT_PIXELS,
      timeoutSeconds: e.PREVIEW_TIMEOUT_SECONDS,
      maxInputBytes: e.PREVIEW_MAX_INPUT_MB * 1024 * 1024,
      rendererHeapMb: e.PREVIEW_RENDERER_HEAP_MB,
      retryDelayMs: e.PREVIEW_RETRY_DELAY_MS,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      invitationTtlHours: e.INVITATION_TTL_HOURS,
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
      notifyOfflineDelayMs: e.NOTIFY_OFFLINE_DELAY_SECONDS * 1000,
    },
    encryption: {
      keys: e.ENCRYPTION_KEYS ? parseMasterKeys(e.ENCRYPTION_KEYS) : undefined,
      kms: e.ENCRYPTION_KMS_KEY_ID
        ? {
            keyId: e.ENCRYPTION_KMS_KEY_ID,
            region: e.ENCRYPTION_KMS_REGION,
            endpoint: e.ENCRYPTION_KMS_ENDPOINT,
          }
        : undefined,
    },
    scanning: {
      clamd: e.CLAMAV_URL ? clamdAddress(e.CLAMAV_URL) : undefined,
      timeoutMs: e.CLAMAV_TIMEOUT_MS,
      rescanIntervalMs: e.RESCAN_INTERVAL_MS,
    },
  };
}

function clamdAddress(value: string): { host: string; port: number } {
  const address = new URL(value);
  return { host: address.hostname.replace(/^\[|\]$/g, ''), port: Number(address.port || 3310) };
}

const MASTER_KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** `ENCRYPTION_KEYS=<id>:<key>,...` (key: 32 bytes as base64 or 64 hex characters). */
export function parseMasterKeys(value: string): { id: string; key: Buffer }[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      return { id: entry.slice(0, at), key: decodeKey(entry.slice(at + 1)) as Buffer };
    });
}

function masterKeysProblem(value: string): string | undefined {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'must list at least one <id>:<key>';
  const ids = new Set<string>();
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!MASTER_KEY_ID.test(id)) return 'every key needs an id (letters, digits, ".", "_", "-") before ":"';
    if (decodeKey(entry.slice(at + 1))?.length !== 32)
      return `key "${id}" must be 32 bytes as base64 or 64 hex characters`;
    if (ids.has(id)) return `key id "${id}" is listed twice`;
    ids.add(id);
  }
  return undefined;
}
