import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { DownloadRequest, DownloadResponse } from './downloads.service';

export function downloadRequest(req: Request, sig?: string): DownloadRequest {
  return {
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
export async function sendDownload(res: Response, d: DownloadResponse): Promise<void> {
  res.status(d.status).set(d.headers);
  if (d.status === 416) {
    res.json({ error: 'Range not satisfiable' });
    return;
  }
  if (!d.body) {
    res.end();
    return;
  }
  await pipeline(d.body, res).catch(() => {
    d.body?.destroy();
  });
}
