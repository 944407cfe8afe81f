import { signal } from '@angular/core';
import type { AttachmentDto } from '@satchel/contracts';
import type { EffectiveUploadRule, UploadRuleDecision } from '@satchel/contracts';
import type { RuleLike } from '@satchel/domain';
import { multipartTransport, refusalOf, UploadQueue, type QueuedUpload } from '@satchel/upload-client';
import { decisionText, type DecisionText } from './rule-decision';

export type TrayState = 'ready' | 'refused' | 'uploading' | 'paused' | 'failed' | 'done';

export interface TrayFile {
  id: number;
  file: File;
  state: TrayState;
  reason: string;
  /** Why the rule refuses it, for the catalogue's `chat.refusal.<code>` text. */
  refusal?: { code: string; name: string; ext: string; allowed: string; max: number };
  /** Which level set the rule it broke, when the server said (`ruleWhy.by.*`). */
  decidedBy?: DecisionText;
  progress: number;
  /** Bytes per second while uploading (0: not known yet). */
  speed: number;
  /** Seconds left, null while unknown. */
  eta: number | null;
  /** Sent through tus (above the threshold): it can pause and resume. */
  resumable: boolean;
  previewUrl: string | null;
  attachment?: AttachmentDto;
}

let seq = 0;

const FIELD = { disabled: 'enabled', type: 'allowedTypes', size: 'maxSizeKb' } as const;

/** Which level of the effective rule (platform, account, group) set the part a file broke. */
function decidedBy(rule: RuleLike | null, code: keyof typeof FIELD): UploadRuleDecision | undefined {
  return (rule as Partial<EffectiveUploadRule> | null)?.decidedBy?.[FIELD[code]];
}

/**
 * Files an operator is about to send: checked against the operator rule, then sent by the upload
 * queue (one multipart request each, or tus above 8 MB) with progress, speed, pause and cancel.
 */
export class FileTray {
  readonly files = signal<TrayFile[]>([]);
  private readonly queue: UploadQueue;

  constructor(
    private readonly chatId: () => string,
    authHeader: () => string | null,
    tusEndpoint: () => string = () => new URL('/v1/uploads', location.href).href,
  ) {
    this.queue = new UploadQueue({
      multipart: multipartTransport(() => `/v1/chats/${this.chatId()}/attachments`, authHeader),
      tus: () =>
        import('@satchel/upload-client/tus').then((m) =>
          m.tusTransport({ endpoint: tusEndpoint(), authHeader }),
        ),
      online: () => navigator.onLine,
      onChange: (u) => this.changed(u),
      onRemove: (u) => this.remove(Number(u.id)),
    });
  }

  /** Where a picked, dropped or pasted file enters the tray and the upload queue. */
  add(files: File[], rule: RuleLike | null): void {
    const added = files.map((file): TrayFile => {
      const refusal = rule ? refusalOf(rule, file, 'operator') : null;
      const why = refusal && decidedBy(rule, refusal.code);
      const id = ++seq;
      const queued = this.queue.add(file, { id: String(id), name: file.name });
      return {
        id,
        file,
        state: refusal ? 'refused' : 'ready',
        reason: refusal ? refusal.message : '',
        refusal: refusal && rule ? refusalParams(refusal.code, file.name, rule) : undefined,
        decidedBy: why ? decisionText(why, 'operator') : undefined,
        progress: 0,
        speed: 0,
        eta: null,
        resumable: queued.resumable,
        previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
      };
    });
    this.files.update((list) => [...list, ...added]);
  }

  remove(id: number): void {
    const f = this.files().find((x) => x.id === id);
    if (f?.previewUrl) URL.revokeObjectURL(f.previewUrl);
    this.queue.remove(String(id));
    this.files.update((list) => list.filter((x) => x.id !== id));
  }

  /** Stops the upload and removes the file (a tus upload is terminated on the server). */
  cancel(id: number): Promise<void> {
    return this.queue.cancel(String(id));
  }

  pause(id: number): void {
    this.queue.pause(String(id));
  }

  resume(id: number): Promise<void> {
    return this.upload(id);
  }

  sendable(): TrayFile[] {
    return this.files().filter((f) => f.state !== 'refused');
  }

  /** Uploads every file not yet stored; resolves when none is running (stored, failed, paused or cancelled). */
  async uploadAll(): Promise<void> {
    await Promise.all(
      this.sendable()
        .filter((f) => f.state === 'ready' || f.state === 'failed' || f.state === 'uploading')
        .map((f) => this.upload(f.id)),
    );
  }

  async upload(id: number): Promise<void> {
    const f = this.files().find((x) => x.id === id);
    const u = this.queue.get(String(id));
    if (!f || !u || f.state === 'done' || f.state === 'refused') return;
    u.meta = { chatId: this.chatId() };
    await this.queue.start(String(id));
  }

  /** Clears the stored files after they were sent; refused and failed ones stay for the operator to read. */
  takeDone(): AttachmentDto[] {
    const done = this.files().filter((f) => f.state === 'done');
    for (const f of done) this.remove(f.id);
    return done.map((f) => f.attachment as AttachmentDto);
  }

  private changed(u: QueuedUpload): void {
    const id = Number(u.id);
    const progress = u.size ? Math.round((u.loaded / u.size) * 100) : 0;
    const common = { progress, speed: u.speed, eta: u.eta };
    if (u.state === 'done')
      this.patch(id, { ...common, state: 'done', attachment: u.attachment ?? undefined });
    else if (u.state === 'failed' || u.state === 'waiting')
      this.patch(id, { ...common, state: 'failed', reason: u.error?.message ?? '' });
    else if (u.state === 'uploading' || u.state === 'paused')
      this.patch(id, { ...common, state: u.state, reason: '' });
  }

  private patch(id: number, change: Partial<TrayFile>): void {
    this.files.update((list) => list.map((f) => (f.id === id ? { ...f, ...change } : f)));
  }
}

function refusalParams(code: string, name: string, rule: RuleLike): NonNullable<TrayFile['refusal']> {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '(none)';
  const allowed = rule.allowedTypes.split('|').filter(Boolean).join(', ');
  return { code, name, ext, allowed, max: rule.maxSizeKb };
}
