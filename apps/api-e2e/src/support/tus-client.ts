import { createReadStream } from 'node:fs';
import { request } from 'node:http';

/** A bare tus 1.0 client over `node:http`, so a test can cut a request after an exact number of bytes. */
export interface TusTarget {
  base: string;
  token: string;
}

const TUS = { 'tus-resumable': '1.0.0' };

export function tusMetadata(meta: Record<string, string>): string {
  return Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}

export async function tusCreate(
  t: TusTarget,
  length: number,
  meta: Record<string, string>,
): Promise<{ status: number; location: string | null; body: string }> {
  const res = await fetch(`${t.base}/v1/uploads`, {
    method: 'POST',
    headers: {
      ...TUS,
      authorization: `Token ${t.token}`,
      'upload-length': String(length),
      'upload-metadata': tusMetadata(meta),
    },
  });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

export async function tusOffset(t: TusTarget, location: string): Promise<{ status: number; offset: number }> {
  const res = await fetch(`${t.base}${location}`, {
    method: 'HEAD',
    headers: { ...TUS, authorization: `Token ${t.token}` },
  });
  return { status: res.status, offset: Number(res.headers.get('upload-offset') ?? -1) };
}

export interface PatchResult {
  status: number | 'cut';
  body: string;
}

/**
 * PATCHes `length` bytes of `file` from `offset`. With `cutAfter`, the connection is destroyed once
 * that many bytes were sent, right after `then` (e.g. killing the API process) runs.
 */
export function tusPatch(
  t: TusTarget,
  location: string,
  file: string,
  offset: number,
  length: number,
  cutAfter?: { bytes: number; then?: () => void },
  extraHeaders: Record<string, string> = {},
): Promise<PatchResult> {
  return new Promise((ok, fail) => {
    const url = new URL(`${t.base}${location}`);
    const req = request(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        authorization: `Token ${t.token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'content-length': String(length),
        ...extraHeaders,
      },
    });
    let sent = 0;
    let cut = false;
    const body = createReadStream(file, { start: offset, end: offset + length - 1 });
    body.on('data', (chunk) => {
      sent += chunk.length;
      if (!cut && cutAfter && sent >= cutAfter.bytes) {
        cut = true;
        body.destroy();
        cutAfter.then?.();
        req.destroy();
        ok({ status: 'cut', body: '' });
      }
    });
    body.pipe(req);
    req.on('error', (err) => (cut ? undefined : fail(err)));
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
    });
  });
}
