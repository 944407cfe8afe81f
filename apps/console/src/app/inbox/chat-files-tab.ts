import { HttpClient, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttachmentDto, ChatDto, ChatFilesResponse } from '@satchel/contracts';
import { filter, firstValueFrom, type Subscription } from 'rxjs';
import { FileName, splitFileName } from '../core/file-name';
import { Notify } from '../core/notify.service';
import { FileThumb } from '../files/file-thumb';
import { saveBlob } from '../files/file-kind';
import { FileSizePipe, LocalDatePipe } from '../i18n/format.pipes';
import { t } from '../i18n/translate';
import { ChatTabs } from './chat-tabs';
import { downloadWithProgress } from './download';
import { openFileViewer } from './file-viewer/open-file-viewer';
import { fileGroup, isQuarantined, viewerKind, type FileGroup } from './file-viewer/viewable';
import { InboxBack } from './inbox-back';
import { InboxLive } from './inbox-live';

type Filter = 'all' | FileGroup;
const FILTERS: Filter[] = ['all', 'images', 'documents', 'other'];

/** A conversation's "Files" tab: every file with who sent it and when, type filters, and download-all (a zip the server streams). */
@Component({
  selector: 'sc-chat-files-tab',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    FileName,
    FileThumb,
    FileSizePipe,
    LocalDatePipe,
    ChatTabs,
    InboxBack,
  ],
  templateUrl: './chat-files-tab.html',
  styleUrl: './chat-files-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatFilesTab {
  readonly chatId = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly live = inject(InboxLive);

  readonly filters = FILTERS;
  readonly chat = signal<ChatDto | null>(null);
  readonly files = signal<ChatFilesResponse | null>(null);
  readonly show = signal<Filter>('all');
  /** Percent of the zip received, while it downloads. */
  readonly zipping = signal<number | null>(null);
  readonly downloading = signal<string | null>(null);
  readonly counts = computed(() => {
    const items = this.files()?.items ?? [];
    const n = { all: items.length, images: 0, documents: 0, other: 0 };
    for (const f of items) n[fileGroup(f.contentType)]++;
    return n;
  });
  readonly shown = computed(() => {
    const show = this.show();
    const items = this.files()?.items ?? [];
    return show === 'all' ? items : items.filter((f) => fileGroup(f.contentType) === show);
  });
  private zip?: Subscription;

  constructor() {
    effect(() => {
      const id = this.chatId();
      untracked(() => void this.load(id));
    });
    // A file sent while the tab is open joins the list.
    this.live.messages
      .pipe(
        filter((m) => m.chatId === this.chatId() && m.attachments.length > 0),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.load(this.chatId()));
  }

  typeOf(f: AttachmentDto): string {
    return splitFileName(f.name).ext.slice(1).toUpperCase() || f.contentType;
  }

  viewable(f: AttachmentDto): boolean {
    return viewerKind(f) !== null;
  }

  quarantined(f: AttachmentDto): boolean {
    return isQuarantined(f);
  }

  view(f: AttachmentDto): void {
    openFileViewer(this.dialog, { files: this.files()?.items ?? [f], startId: f.id });
  }

  async download(f: AttachmentDto): Promise<void> {
    this.downloading.set(f.id);
    try {
      await downloadWithProgress(f.url, f.name, f.size, () => undefined);
    } catch (err) {
      this.notify.error(err, t('attachment.downloadFailed'));
    } finally {
      this.downloading.set(null);
    }
  }

  /** The server streams the zip; its size is about the files' total (stored, not compressed). */
  downloadAll(): void {
    const total = this.files()?.archive.bytes || 1;
    const name = `${this.chat()?.visitorName || t('chat.chat')} files.zip`;
    this.zipping.set(0);
    this.zip?.unsubscribe();
    this.zip = this.http
      .get(`/v1/chats/${this.chatId()}/attachments.zip`, {
        responseType: 'blob',
        observe: 'events',
        reportProgress: true,
      })
      .subscribe({
        next: (e) => {
          if (e.type === HttpEventType.DownloadProgress)
            this.zipping.set(Math.min(100, Math.round((e.loaded / total) * 100)));
          if (e.type === HttpEventType.Response && e.body) saveBlob(e.body, name);
        },
        error: (err: unknown) => {
          this.zipping.set(null);
          this.notify.error(err, t('chatFiles.zipFailed'));
        },
        complete: () => this.zipping.set(null),
      });
  }

  private async load(id: string): Promise<void> {
    try {
      const [chat, files] = await Promise.all([
        firstValueFrom(this.http.get<ChatDto>(`/v1/chats/${id}`)),
        firstValueFrom(this.http.get<ChatFilesResponse>(`/v1/chats/${id}/attachments`)),
      ]);
      if (id !== this.chatId()) return;
      this.chat.set(chat);
      this.files.set(files);
    } catch (err) {
      this.notify.error(err, t('chatFiles.loadFailed'));
    }
  }
}
