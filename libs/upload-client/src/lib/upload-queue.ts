import type { AttachmentDto } from '@satchel/contracts';
import { ApiError } from './http-error';
import { TransferRate } from './transfer-rate';
import type { AbortReason, UploadTransport } from './upload-transport';
import { UploadAborted } from './xhr-upload';

/** Files above this many bytes go through tus (resumable); smaller ones as one multipart request. */
export const TUS_THRESHOLD_BYTES = 8 * 1024 * 1024;

/**
 * `waiting`: the network is gone (the caller may keep the file for later). `failed`: the server
 * said no; `retryable` tells whether trying again can help.
 */
export type UploadState = 'ready' | 'refused' | 'uploading' | 'paused' | 'waiting' | 'failed' | 'done';

export interface QueuedUpload {
  readonly id: string;
  readonly file: Blob;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  /** `Idempotency-Key` of its multipart request, or its tus fingerprint: the same across retries and reloads. */
  readonly key: string;
  /** Sent through tus: it can pause and continue where it stopped, even after a reload. */
  readonly resumable: boolean;
  meta: Record<string, string>;
  state: UploadState;
  /** Why it is refused (before sending, by the caller's rule). */
  reason: string;
  /** Why it failed or waits. */
  error: ApiError | null;
  retryable: boolean;
  loaded: number;
  /** Bytes per second, 0 while unknown. */
  speed: number;
  /** Seconds left, null while unknown. */
  eta: number | null;
  attachment: AttachmentDto | null;
}

export interface UploadQueueOptions {
  multipart: UploadTransport;
  /** Loaded on first use only (it brings tus-js-client). */
  tus: () => Promise<UploadTransport>;
  thresholdBytes?: number;
  /** Waits before each automatic retry after a network failure, a stall, 408 or 429. */
  retryDelaysMs?: readonly number[];
  /** An attempt with no progress for this long is aborted and retried. */
  stallMs?: number;
  online?: () => boolean;
  onChange?: (u: QueuedUpload) => void;
  /** Cancelled (and its server-side part discarded). */
  onRemove?: (u: QueuedUpload) => void;
  now?: () => number;
}

export interface AddOptions {
  name: string;
  type?: string;
  id?: string;
  key?: string;
  meta?: Record<string, string>;
}

interface Entry {
  upload: QueuedUpload;
  controller?: AbortController;
  running?: Promise<QueuedUpload>;
  rate: TransferRate;
}

const DEFAULTS = { retryDelaysMs: [1000, 3000, 10_000], stallMs: 30_000 };
let seq = 0;

/** Uploads files one request (multipart) or one resumable session (tus) each, with progress, retries and pause. */
export class UploadQueue {
  private readonly entries = new Map<string, Entry>();
  private tusTransport?: Promise<UploadTransport>;

  constructor(private readonly opts: UploadQueueOptions) {}

  /** The one place a picked file enters the queue. */
  add(file: Blob, o: AddOptions): QueuedUpload {
    const id = o.id ?? `u${++seq}-${Date.now().toString(36)}`;
    const upload: QueuedUpload = {
      id,
      file,
      name: o.name,
      size: file.size,
      type: o.type ?? file.type,
      key: o.key ?? `${id}-${Math.random().toString(36).slice(2, 10)}`,
      resumable: file.size > (this.opts.thresholdBytes ?? TUS_THRESHOLD_BYTES),
      meta: { ...o.meta },
      state: 'ready',
      reason: '',
      error: null,
      retryable: false,
      loaded: 0,
      speed: 0,
      eta: null,
      attachment: null,
    };
    this.entries.set(id, { upload, rate: new TransferRate() });
    return upload;
  }

  get(id: string): QueuedUpload | undefined {
    return this.entries.get(id)?.upload;
  }

  /** Marks a file refused by the caller's rule (with the reason shown), or ready again (`null`). */
  refuse(id: string, reason: string | null): void {
    const u = this.get(id);
    if (!u || (u.state !== 'ready' && u.state !== 'refused')) return;
    u.reason = reason ?? '';
    this.set(u, reason === null ? 'ready' : 'refused');
  }

  /** Sends the file; resolves once it is done, failed, paused, waiting for the network, or cancelled. */
  start(id: string): Promise<QueuedUpload | undefined> {
    const e = this.entries.get(id);
    if (!e) return Promise.resolve(undefined);
    if (e.running) return e.running;
    if (e.upload.state === 'done' || e.upload.state === 'refused') return Promise.resolve(e.upload);
    e.running = this.run(e).finally(() => (e.running = undefined));
    return e.running;
  }

  /** Stops a resumable upload, keeping what the server has. */
  pause(id: string): void {
    const e = this.entries.get(id);
    if (e?.upload.resumable && e.running) e.controller?.abort('pause' satisfies AbortReason);
  }

  resume(id: string): Promise<QueuedUpload | undefined> {
    return this.start(id);
  }

  /** Stops the upload and removes it, with what the server kept of it (tus termination). */
  async cancel(id: string): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.running) {
      e.controller?.abort('cancel' satisfies AbortReason);
      await e.running;
      return;
    }
    if (e.upload.resumable && e.upload.state !== 'ready' && e.upload.state !== 'done') {
      const tus = await this.tus().catch(() => null);
      await tus?.discard?.(e.upload.key).catch(() => undefined);
    }
    this.drop(e);
  }

  /** Forgets a file that is not running (sent, refused, or removed by the user). */
  remove(id: string): void {
    const e = this.entries.get(id);
    if (e && !e.running) this.entries.delete(id);
  }

  private async run(e: Entry): Promise<QueuedUpload> {
    const u = e.upload;
    u.error = null;
    this.set(u, 'uploading');
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(e);
      if (!(outcome instanceof ApiError)) return u;
      u.error = outcome;
      const delay = (this.opts.retryDelaysMs ?? DEFAULTS.retryDelaysMs)[attempt];
      const offline = outcome.isNetwork && !(this.opts.online?.() ?? true);
      if (!autoRetried(outcome) || offline || delay === undefined) {
        u.retryable = retryableStatus(outcome.status);
        return this.set(u, outcome.isNetwork ? 'waiting' : 'failed');
      }
      const waited = await this.backoff(e, delay);
      if (waited === 'paused') return this.set(u, 'paused');
      if (waited === 'cancelled') return this.drop(e);
    }
  }

  /** One try: the error when it failed. */
  private async attempt(e: Entry): Promise<'done' | 'paused' | 'cancelled' | ApiError> {
    const u = e.upload;
    const ctrl = new AbortController();
    e.controller = ctrl;
    e.rate.reset();
    let stall: ReturnType<typeof setTimeout> | undefined;
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => ctrl.abort('stall' satisfies AbortReason), this.stallMs);
    };
    armStall();
    try {
      const transport = u.resumable ? await this.tus() : this.opts.multipart;
      u.attachment = await transport.send({
        file: u.file,
        name: u.name,
        size: u.size,
        key: u.key,
        meta: u.meta,
        signal: ctrl.signal,
        onProgress: (loaded) => {
          armStall();
          this.progress(e, loaded);
        },
      });
      u.loaded = u.size;
      u.eta = 0;
      this.set(u, 'done');
      return 'done';
    } catch (err) {
      const reason = ctrl.signal.aborted ? (ctrl.signal.reason as AbortReason) : null;
      if (reason === 'pause') {
        this.set(u, 'paused');
        return 'paused';
      }
      if (reason === 'cancel') {
        this.drop(e);
        return 'cancelled';
      }
      return reason === 'stall'
        ? new ApiError(0, 'The upload stalled', { code: 'UPLOAD_STALLED' })
        : asApiError(err);
    } finally {
      clearTimeout(stall);
    }
  }

  private backoff(e: Entry, ms: number): Promise<'go' | 'paused' | 'cancelled'> {
    const ctrl = new AbortController();
    e.controller = ctrl;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('go'), ms);
      ctrl.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve(ctrl.signal.reason === 'cancel' ? 'cancelled' : 'paused');
      });
    });
  }

  private progress(e: Entry, loaded: number): void {
    const u = e.upload;
    u.loaded = Math.min(loaded, u.size);
    e.rate.sample(u.loaded, (this.opts.now ?? Date.now)());
    u.speed = e.rate.speed;
    u.eta = e.rate.eta(u.size - u.loaded);
    this.opts.onChange?.(u);
  }

  private tus(): Promise<UploadTransport> {
    this.tusTransport ??= this.opts.tus().catch((err: unknown) => {
      this.tusTransport = undefined;
      throw err instanceof ApiError ? err : new ApiError(0, 'The upload module could not be loaded');
    });
    return this.tusTransport;
  }

  private get stallMs(): number {
    return this.opts.stallMs ?? DEFAULTS.stallMs;
  }

  private set(u: QueuedUpload, state: UploadState): QueuedUpload {
    u.state = state;
    if (state !== 'uploading') u.speed = 0;
    if (state !== 'uploading' && state !== 'done') u.eta = null;
    this.opts.onChange?.(u);
    return u;
  }

  private drop(e: Entry): QueuedUpload {
    this.entries.delete(e.upload.id);
    this.opts.onRemove?.(e.upload);
    return e.upload;
  }
}

/** Statuses after which the very same upload may succeed later. */
export function retryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Retried without asking: the connection dropped or stalled, or the server asked to slow down. */
function autoRetried(err: ApiError): boolean {
  return err.isNetwork || err.status === 408 || err.status === 429;
}

function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof UploadAborted) return new ApiError(0, err.message);
  return new ApiError(0, err instanceof Error ? err.message : String(err));
}
