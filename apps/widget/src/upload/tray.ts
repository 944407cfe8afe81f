import type { FileRequestDto } from '@satchel/contracts';
import type { RuleLike } from '@satchel/domain';
import { narrowRule, refusalOf, type QueuedUpload, type UploadQueue } from '@satchel/upload-client';
import { FileCard, type CardState } from '../ui/file-card';
import { h } from '../ui/dom';
import { refusalText } from './refusal-text';
import { t } from '../i18n/i18n';
import { describeFailure, loadQueue } from './upload-loader';

export interface TrayItem {
  id: string;
  /** `Idempotency-Key` / tus fingerprint: kept with the file so a reload resumes the same upload. */
  key: string;
  file: Blob;
  name: string;
  size: number;
  type: string;
  state: CardState;
  attachmentId?: string;
  /** The server refused this file for good (its content, type or size): never retried. */
  refusedByServer?: boolean;
  card: FileCard;
}

export interface TrayDeps {
  rule: () => RuleLike | null;
  who: 'visitor' | 'operator';
  uploadUrl: () => string;
  tusEndpoint: () => string;
  chatId: () => string;
  authHeader: () => string | null;
  /** A file was retried, removed, resumed or cancelled: the pending send may go on. */
  changed: () => void;
  /** A resumable upload started (`true`: keep its file for a reload) or ended (`false`). */
  kept?: (item: TrayItem, keep: boolean) => void;
}

/** A file to put back in the tray after a reload. */
export interface RestoredFile {
  id: string;
  key: string;
  file: Blob;
  name: string;
  type: string;
}

let seq = 0;
export const localId = (): string =>
  `${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Files chosen but not yet sent: checked against the rule, then sent by the upload queue with progress. */
export class Tray {
  items: TrayItem[] = [];
  request: FileRequestDto | null = null;
  private readonly header = h('div', { class: 'for' });
  private queue: Promise<UploadQueue> | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly deps: TrayDeps,
  ) {}

  /** Where a picked file enters the tray (and later the upload queue). */
  add(files: File[], request: FileRequestDto | null = null): void {
    if (request) this.request = request;
    for (const file of files)
      this.push({ id: localId(), key: localId(), file, name: file.name, type: file.type });
    this.recheck();
    this.render();
  }

  /** Files whose upload a reload interrupted: they continue from what the server has. */
  restore(files: RestoredFile[]): void {
    for (const f of files) this.push(f);
    this.render();
  }

  private push(f: RestoredFile): void {
    const item: TrayItem = { ...f, size: f.file.size, state: 'ready', card: null as unknown as FileCard };
    item.card = new FileCard(f.file, f.name, item.size, f.type, {
      remove: () => this.remove(item),
      cancel: () => void this.withQueue((q) => q.cancel(item.id)),
      pause: () => void this.withQueue((q) => q.pause(item.id)),
      resume: () => void this.upload(item).then(() => this.deps.changed()),
      retry: () => void this.upload(item).then(() => this.deps.changed()),
    });
    this.items.push(item);
  }

  /** Items that will be sent (not refused by the rule or the server). */
  sendable(): TrayItem[] {
    return this.items.filter((i) => i.state !== 'refused');
  }

  /** Items that cannot be sent as they are, with the reason shown on their card. */
  refused(): TrayItem[] {
    return this.items.filter((i) => i.state === 'refused');
  }

  get effectiveRule(): RuleLike | null {
    const rule = this.deps.rule();
    return rule ? narrowRule(rule, this.request) : null;
  }

  remove(item: TrayItem): void {
    this.items = this.items.filter((i) => i !== item);
    if (this.items.length === 0) this.request = null;
    this.deps.kept?.(item, false);
    void this.withQueue((q) => q.remove(item.id));
    this.render();
    this.deps.changed();
  }

  /** Removes the given items (sent or queued), keeping refused ones for the visitor to read. */
  take(items: TrayItem[]): void {
    this.items = this.items.filter((i) => !items.includes(i));
    for (const i of items) this.deps.kept?.(i, false);
    if (this.sendable().length === 0) this.request = null;
    this.render();
  }

  /** Uploads every ready item and waits until none is running. */
  async uploadPending(): Promise<void> {
    const ready = this.sendable().filter((i) => i.state === 'ready' || i.state === 'uploading');
    await Promise.all(ready.map((i) => this.upload(i)));
  }

  async upload(item: TrayItem): Promise<void> {
    let queue: UploadQueue;
    try {
      queue = await this.ensureQueue();
    } catch {
      return this.setState(item, 'waiting');
    }
    if (!queue.get(item.id))
      queue.add(item.file, { id: item.id, key: item.key, name: item.name, type: item.type });
    const u = queue.get(item.id);
    if (!u) return;
    u.meta = { chatId: this.deps.chatId() };
    if (u.resumable) this.deps.kept?.(item, true);
    await queue.start(item.id);
  }

  private ensureQueue(): Promise<UploadQueue> {
    this.queue ??= loadQueue({
      uploadUrl: this.deps.uploadUrl,
      tusEndpoint: this.deps.tusEndpoint,
      authHeader: this.deps.authHeader,
      onChange: (u) => this.changedUpload(u),
      onRemove: (u) => this.cancelled(u),
    }).catch((err: unknown) => {
      this.queue = null;
      throw err;
    });
    return this.queue;
  }

  private async withQueue(f: (q: UploadQueue) => unknown): Promise<void> {
    if (this.queue) await f(await this.queue);
  }

  /** The queue's state of an upload, shown on its card. */
  private changedUpload(u: QueuedUpload): void {
    const item = this.items.find((i) => i.id === u.id);
    if (!item) return;
    item.card.resumable = u.resumable;
    if (u.state === 'uploading') item.card.progress(u.loaded, u.size, u.speed, u.eta);
    if (u.state === item.state && u.state === 'uploading') return;
    if (u.state === 'done') {
      item.attachmentId = u.attachment?.id;
      this.deps.kept?.(item, false);
    }
    if (u.state !== 'failed') return this.setState(item, u.state === 'refused' ? 'ready' : u.state);
    const err = u.error;
    const failure = err ? describeFailure(err.status, err.body, item.name) : null;
    const retryable = failure?.retryable ?? true;
    item.refusedByServer = !retryable;
    if (!retryable) this.deps.kept?.(item, false);
    this.setState(item, retryable ? 'failed' : 'refused', failure?.message ?? '');
  }

  private cancelled(u: QueuedUpload): void {
    const item = this.items.find((i) => i.id === u.id);
    if (item) this.remove(item);
  }

  private setState(item: TrayItem, state: CardState, reason = ''): void {
    item.state = state;
    item.card.set(state, reason);
  }

  /** Checks the files again (the rule arrived or changed). */
  recheck(): void {
    const rule = this.effectiveRule;
    for (const item of this.items) {
      if ((item.state !== 'ready' && item.state !== 'refused') || item.refusedByServer) continue;
      const refusal = rule ? refusalOf(rule, item, this.deps.who) : null;
      this.setState(
        item,
        refusal ? 'refused' : 'ready',
        refusal ? refusalText(refusal, item.name, rule) : '',
      );
    }
  }

  private render(): void {
    this.header.textContent = this.request ? t('forRequest', { prompt: this.request.prompt }) : '';
    this.el.replaceChildren(...(this.request ? [this.header] : []), ...this.items.map((i) => i.card.el));
  }
}
