import { signal } from '@angular/core';
import type { AttachmentDto } from '@satchel/contracts';
import type { EffectiveUploadRule, UploadRuleDecision } from '@satchel/contracts';
import type { RuleLike } from '@satchel/domain';
import { ApiError, refusalOf, UploadAborted, uploadFile, type UploadHandle } from '@satchel/upload-client';
import { decisionText, type DecisionText } from './rule-decision';

export type TrayState = 'ready' | 'refused' | 'uploading' | 'failed' | 'done';

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
  previewUrl: string | null;
  attachment?: AttachmentDto;
  handle?: UploadHandle;
}

let seq = 0;

const FIELD = { disabled: 'enabled', type: 'allowedTypes', size: 'maxSizeKb' } as const;

/** Which level of the effective rule (platform, account, group) set the part a file broke. */
function decidedBy(rule: RuleLike | null, code: keyof typeof FIELD): UploadRuleDecision | undefined {
  return (rule as Partial<EffectiveUploadRule> | null)?.decidedBy?.[FIELD[code]];
}

/**
 * Files an operator is about to send: checked against the operator rule, uploaded one request per
 * file with progress, cancellable, with the server's error and a retry on failure.
 */
export class FileTray {
  readonly files = signal<TrayFile[]>([]);

  constructor(
    private readonly uploadUrl: () => string,
    private readonly authHeader: () => string | null,
  ) {}

  add(files: File[], rule: RuleLike | null): void {
    const added = files.map((file): TrayFile => {
      const refusal = rule ? refusalOf(rule, file, 'operator') : null;
      const why = refusal && decidedBy(rule, refusal.code);
      return {
        id: ++seq,
        file,
        state: refusal ? 'refused' : 'ready',
        reason: refusal ? refusal.message : '',
        refusal: refusal && rule ? refusalParams(refusal.code, file.name, rule) : undefined,
        decidedBy: why ? decisionText(why, 'operator') : undefined,
        progress: 0,
        previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
      };
    });
    this.files.update((list) => [...list, ...added]);
  }

  remove(id: number): void {
    const f = this.files().find((x) => x.id === id);
    if (f?.previewUrl) URL.revokeObjectURL(f.previewUrl);
    this.files.update((list) => list.filter((x) => x.id !== id));
  }

  cancel(id: number): void {
    this.files()
      .find((x) => x.id === id)
      ?.handle?.abort();
  }

  sendable(): TrayFile[] {
    return this.files().filter((f) => f.state !== 'refused');
  }

  /** Uploads every file not yet stored; resolves when all have finished (stored, failed or cancelled). */
  async uploadAll(): Promise<void> {
    await Promise.all(
      this.sendable()
        .filter((f) => f.state === 'ready' || f.state === 'failed')
        .map((f) => this.upload(f.id)),
    );
  }

  async upload(id: number): Promise<void> {
    const f = this.files().find((x) => x.id === id);
    if (!f || f.state === 'uploading' || f.state === 'done') return;
    const handle = uploadFile(this.uploadUrl(), this.authHeader(), f.file, f.file.name, (loaded, total) =>
      this.patch(id, { progress: total ? Math.round((loaded / total) * 100) : 0 }),
    );
    this.patch(id, { state: 'uploading', reason: '', progress: 0, handle });
    try {
      const attachment = await handle.done;
      this.patch(id, { state: 'done', progress: 100, attachment, handle: undefined });
    } catch (err) {
      if (err instanceof UploadAborted) return this.remove(id);
      const reason = err instanceof ApiError ? err.message : String(err);
      this.patch(id, { state: 'failed', reason, handle: undefined });
    }
  }

  /** Clears the stored files after they were sent; refused and failed ones stay for the operator to read. */
  takeDone(): AttachmentDto[] {
    const done = this.files().filter((f) => f.state === 'done');
    for (const f of done) if (f.previewUrl) URL.revokeObjectURL(f.previewUrl);
    this.files.update((list) => list.filter((f) => f.state !== 'done'));
    return done.map((f) => f.attachment as AttachmentDto);
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
