import { Injectable } from '@nestjs/common';
import type { PreviewSize } from '@satchel/contracts';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import {
  DownloadsService,
  matchesEtag,
  type DownloadRequest,
  type DownloadResponse,
} from '../attachments/downloads.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { StorageNotFoundError } from '../storage/storage.errors';
import { PreviewsRepository } from './previews.repository';

/**
 * `GET|HEAD /v1/attachments/:id/preview?size=`: the same access as the file's content (token or
 * signed link, via `DownloadsService.authorize`), never audited as a download. Rendition keys are
 * content-addressed, so a response never changes: cached for a year.
 */
@Injectable()
export class PreviewContentService {
  constructor(
    private readonly downloads: DownloadsService,
    private readonly previews: PreviewsRepository,
    private readonly objects: AttachmentObjectsRepository,
  ) {}

  async serve(id: string, size: PreviewSize, req: DownloadRequest): Promise<DownloadResponse> {
    const { row } = await this.downloads.authorize(id, req);
    const preview = await this.previews.find(row.id);
    const key = size === 'small' ? preview?.smallKey : preview?.largeKey;
    if (!preview || preview.status !== 'ready' || !key) {
      const status = preview?.status ?? 'pending';
      throw new NotFoundError('Preview', {
        code: status === 'pending' ? 'PREVIEW_PENDING' : 'PREVIEW_UNAVAILABLE',
        status,
      });
    }
    const etag = `"${/-([0-9a-f]+)\.webp$/.exec(key)?.[1] ?? row.sha256}"`;
    const headers: Record<string, string> = {
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Content-Disposition': 'inline',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: etag,
    };
    if (matchesEtag(req.ifNoneMatch, etag)) return { status: 304, headers };
    if (req.method === 'HEAD') return { status: 200, headers };
    try {
      return { status: 200, headers, body: await this.objects.read(key) };
    } catch (err) {
      if (err instanceof StorageNotFoundError)
        throw new NotFoundError('Preview', { code: 'PREVIEW_MISSING' });
      throw err;
    }
  }
}
