import type { FileRequestDto } from '@satchel/contracts';
import type { RuleLike } from '@satchel/domain';
import { ApiError } from '../api/api-client';
import { FileCard, type CardState } from '../ui/file-card';
import { h } from '../ui/dom';
import { describeUploadFailure } from './upload-failure';
import { refusalText } from './refusal-text';
import { t } from '../i18n/i18n';
import { narrowRule, refusalOf, UploadAborted, uploadFile, type UploadHandle } from '@satchel/upload-client';

export interface TrayItem {
  id: string;
  file: Blob;
  name: string;
  size: number;
  type: string;
  state: CardState;
  attachmentId?: string;
  /** The server refused this file for good (its content, type or size): never retried. */
  refusedByServer?: boolean;
  handle?: UploadHandle;
  running?: Promise<void>;
  card: FileCard;
}

export interface TrayDeps {
  rule: () => RuleLike | null;
  who: 'visitor' | 'operator';
  uploadUrl: () => string;
  authHeader: () => string | null;
  /** A file was retried, removed or cancelled: the pending send may go on. */
  changed: () => void;
}

let seq = 0;
export const localId = (): string =>
  `${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Files chosen but not yet sent: checked against the rule, uploaded one request per file with progress. */
export class Tray {
  items: TrayItem[] = [];
  request: FileRequestDto | null = null;
  private readonly header = h('div', { class: 'for' });

  constructor(
    private readonly el: HTMLElement,
    private readonly deps: TrayDeps,
  ) {}

  add(files: File[], request: FileRequestDto | null = null): void {
    if (request) this.request = request;
    for (const file of files) {
      const item: TrayItem = {
        id: localId(),
        file,
        name: file.name,
        size: file.size,
        type: file.type,
        state: 'ready',
        card: null as unknown as FileCard,
      };
      item.card = new FileCard(file, file.name, file.size, file.type, {
        remove: () => this.remove(item),
        cancel: () => item.handle?.abort(),
        retry: () => void this.upload(item).then(() => this.deps.changed()),
      });
      this.items.push(item);
    }
    this.recheck();
    this.render();
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
    this.render();
    this.deps.changed();
  }

  /** Removes the given items (sent or queued), keeping refused ones for the visitor to read. */
  take(items: TrayItem[]): void {
    this.items = this.items.filter((i) => !items.includes(i));
    if (this.sendable().length === 0) this.request = null;
    this.render();
  }

  /** Uploads every ready item and waits for all running uploads. */
  async uploadPending(): Promise<void> {
    for (const item of this.sendable()) if (item.state === 'ready') void this.upload(item);
    await Promise.all(this.sendable().map((i) => i.running ?? Promise.resolve()));
  }

  upload(item: TrayItem): Promise<void> {
    if (item.running) return item.running;
    item.running = this.runUpload(item).finally(() => (item.running = undefined));
    return item.running;
  }

  private async runUpload(item: TrayItem): Promise<void> {
    this.setState(item, 'uploading');
    item.handle = uploadFile(this.deps.uploadUrl(), this.deps.authHeader(), item.file, item.name, (l, t) =>
      item.card.progress(l, t),
    );
    try {
      const att = await item.handle.done;
      item.attachmentId = att.id;
      this.setState(item, 'done');
    } catch (err) {
      if (err instanceof UploadAborted) return this.remove(item);
      if (err instanceof ApiError && err.isNetwork) return this.setState(item, 'waiting');
      const failure =
        err instanceof ApiError
          ? describeUploadFailure(err.status, err.body, item.name)
          : { retryable: true, message: String(err) };
      item.refusedByServer = !failure.retryable;
      this.setState(item, failure.retryable ? 'failed' : 'refused', failure.message);
    } finally {
      item.handle = undefined;
    }
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
