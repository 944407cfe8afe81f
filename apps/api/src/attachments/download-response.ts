import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../common/errors/domain-errors';
import type { DownloadPurpose, DownloadRequest, DownloadResponse } from './downloads.service';

/** `?purpose=preview` (the console's thumbnails and viewers) or `download` (the default). */
export function downloadPurpose(raw: unknown): DownloadPurpose {
  if (raw === undefined || raw === 'download') return 'download';
  if (raw === 'preview') return 'preview';
  throw new ValidationError('purpose must be "preview" or "download"', 'purpose', {
    code: 'invalid_download_purpose',
  });
}

export function downloadRequest(req: Request, sig?: string, purpose: unknown = undefined): DownloadRequest {
  return {
    purpose: downloadPurpose(purpose),
    method: req.method === 'HEAD' ? 'HEAD' : 'GET',
    ip: req.ip ?? null,
    authorization: req.header('authorization'),
    sig,
    range: req.header('range'),
    ifNoneMatch: req.header('if-none-match'),
    ifRange: req.header('if-range'),
  };
}

/** Writes a download; a client that goes away mid-body just ends the stream. */
export async function sendDownload(res: Response, download: DownloadResponse): Promise<void> {
  res.status(download.status).set(download.headers);
  if (download.status === 416) {
    res.json({ error: 'Range not satisfiable', code: 'RANGE_NOT_SATISFIABLE' });
    return;
  }
  if (!download.body) {
    res.end();
    return;
  }
  await pipeline(download.body, res).catch(() => {
    download.body?.destroy();
  });
}
