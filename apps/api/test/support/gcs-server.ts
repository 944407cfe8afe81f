import { CRC32C } from '@google-cloud/storage';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** One stored object: its JSON API resource fields and where its bytes are. */
interface StoredObject {
  bucket: string;
  name: string;
  contentType: string;
  size: number;
  generation: number;
  md5Hash: string;
  crc32c: string;
  created: string;
  file: string;
}

interface Session {
  bucket: string;
  name: string;
  contentType: string;
  received: number;
  file: string;
}

export interface TestGcsServer {
  /** For `new Storage({ apiEndpoint })`, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  projectId: string;
  /** Every request so far, as `METHOD path?query → status`. */
  requests: string[];
  /** Names and sizes of the objects in `bucket`, sorted by name. */
  objects(bucket: string): { name: string; size: number }[];
  /** Resumable upload sessions started and neither finished nor cancelled, with bytes received. */
  openSessions(): { name: string; received: number }[];
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/**
 * A small Google Cloud Storage JSON API server on loopback, for tests: no GCS emulator runs on this
 * machine (the Firebase one needs Java 21). It implements what `@google-cloud/storage` uses, as the
 * JSON API documents it: bucket get; object get (metadata, or `alt=media` with `Range`), delete;
 * uploads `media`, `multipart` and `resumable` (session URI in `Location`; chunks with
 * `Content-Range`, answered `308` + `Range` until the last one; `bytes *\/N` status checks; `DELETE`
 * cancels with 499). No auth, ACLs, preconditions or versioning.
 */
export async function startGcsServer(buckets: string[] = ['satchel-test']): Promise<TestGcsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-gcs-'));
  const objects = new Map<string, StoredObject>();
  const sessions = new Map<string, Session>();
  const requests: string[] = [];
  let generation = Date.now() * 1000;
  let endpoint = '';

  const keyOf = (bucket: string, name: string) => `${bucket}\n${name}`;
  const bucketOr404 = (bucket: string) => {
    if (!buckets.includes(bucket))
      throw new ApiError(404, 'The specified bucket does not exist.', 'notFound');
    return bucket;
  };
  const objectOr404 = (bucket: string, name: string) => {
    const o = objects.get(keyOf(bucketOr404(bucket), name));
    if (!o) throw new ApiError(404, `No such object: ${bucket}/${name}`, 'notFound');
    return o;
  };

  const resource = (o: StoredObject) => {
    const path = `b/${o.bucket}/o/${encodeURIComponent(o.name)}`;
    return {
      kind: 'storage#object',
      id: `${o.bucket}/${o.name}/${o.generation}`,
      selfLink: `${endpoint}/storage/v1/${path}`,
      mediaLink: `${endpoint}/download/storage/v1/${path}?generation=${o.generation}&alt=media`,
      name: o.name,
      bucket: o.bucket,
      generation: String(o.generation),
      metageneration: '1',
      contentType: o.contentType,
      storageClass: 'STANDARD',
      size: String(o.size),
      md5Hash: o.md5Hash,
      crc32c: o.crc32c,
      etag: Buffer.from(String(o.generation)).toString('base64'),
      timeCreated: o.created,
      updated: o.created,
    };
  };

  /** Moves a complete body into place as a new generation of `name`, hashes computed from the bytes. */
  const commit = async (
    bucket: string,
    name: string,
    contentType: string,
    file: string,
    expectedHash?: string,
  ) => {
    const md5 = createHash('md5');
    const crc = new CRC32C();
    let size = 0;
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      md5.update(chunk);
      crc.update(chunk);
      size += chunk.length;
    }
    const o: StoredObject = {
      bucket,
      name,
      contentType,
      size,
      generation: ++generation,
      md5Hash: md5.digest('base64'),
      crc32c: crc.toString(),
      created: new Date().toISOString(),
      file: join(dir, `object-${randomUUID()}`),
    };
    for (const [kind, value] of parseGoogHash(expectedHash)) {
      if ((kind === 'crc32c' && value !== o.crc32c) || (kind === 'md5' && value !== o.md5Hash)) {
        await rm(file, { force: true });
        throw new ApiError(400, `Provided ${kind} hash doesn't match calculated hash.`, 'invalid');
      }
    }
    await rename(file, o.file);
    const previous = objects.get(keyOf(bucket, name));
    objects.set(keyOf(bucket, name), o);
    if (previous) await rm(previous.file, { force: true });
    return o;
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Content-Length': Buffer.byteLength(json),
    });
    res.end(json);
  };

  const download = (req: IncomingMessage, res: ServerResponse, o: StoredObject) => {
    const headers: Record<string, string | number> = {
      'Content-Type': o.contentType,
      'Accept-Ranges': 'bytes',
      ETag: resource(o).etag,
      'x-goog-generation': o.generation,
      'x-goog-stored-content-length': o.size,
      'x-goog-stored-content-encoding': 'identity',
    };
    const range = parseRange(req.headers.range, o.size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${o.size}`, 'Content-Length': 0 });
      return res.end();
    }
    if (!range) headers['x-goog-hash'] = `crc32c=${o.crc32c},md5=${o.md5Hash}`;
    else headers['Content-Range'] = `bytes ${range.start}-${range.end}/${o.size}`;
    headers['Content-Length'] = range ? range.end - range.start + 1 : o.size;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || o.size === 0) return res.end();
    return pipeline(createReadStream(o.file, range ?? {}), res);
  };

  const startUpload = async (
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    q: URLSearchParams,
  ) => {
    bucketOr404(bucket);
    const type = q.get('uploadType');
    if (type === 'resumable') {
      const meta = parseJson(await readAll(req)) as { name?: string; contentType?: string };
      const name = q.get('name') ?? meta.name;
      if (!name) throw new ApiError(400, 'Required object name', 'required');
      const id = randomUUID();
      const contentType =
        meta.contentType ?? header(req, 'x-upload-content-type') ?? 'application/octet-stream';
      sessions.set(id, { bucket, name, contentType, received: 0, file: join(dir, `session-${id}`) });
      const location = `${endpoint}/upload/storage/v1/b/${bucket}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
      res.writeHead(200, { Location: location, 'Content-Length': 0 });
      return res.end();
    }
    const temp = join(dir, `upload-${randomUUID()}`);
    let name = q.get('name') ?? undefined;
    let contentType = header(req, 'content-type') ?? 'application/octet-stream';
    if (type === 'media') {
      await pipeline(req, createWriteStream(temp));
    } else if (type === 'multipart') {
      const parts = parseMultipartRelated(await readAll(req), contentType);
      const meta = parseJson(parts[0].body) as { name?: string; contentType?: string };
      name ??= meta.name;
      contentType = meta.contentType ?? parts[1].contentType ?? 'application/octet-stream';
      await pipeline([parts[1].body], createWriteStream(temp));
    } else {
      throw new ApiError(400, `Invalid upload type: ${type}`, 'invalid');
    }
    if (!name) {
      await rm(temp, { force: true });
      throw new ApiError(400, 'Required object name', 'required');
    }
    sendJson(res, 200, resource(await commit(bucket, name, contentType, temp, header(req, 'x-goog-hash'))));
  };

  const putChunk = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    const s = sessions.get(id);
    if (!s) throw new ApiError(404, 'No such upload session', 'notFound');
    const cr = parseContentRange(header(req, 'content-range'));
    if (cr.start !== undefined && cr.start !== s.received) {
      // Bytes the server does not expect next: report what it has so the client resends from there.
      req.resume();
      await new Promise((done) => req.once('end', done));
    } else if (cr.start !== undefined) {
      const out = createWriteStream(s.file, { flags: 'a' });
      req.on('data', (chunk: Buffer) => (s.received += chunk.length));
      // A cut request keeps what arrived, as GCS does; the client asks for the offset and resumes.
      await pipeline(req, out);
    }
    const total = cr.total ?? (cr.openEnded ? s.received : undefined);
    if (total !== undefined && s.received > total)
      throw new ApiError(400, 'Upload exceeds declared size', 'invalid');
    if (total === undefined || s.received < total) {
      const headers: Record<string, string | number> = { 'Content-Length': 0 };
      if (s.received > 0) headers.Range = `bytes=0-${s.received - 1}`;
      res.writeHead(308, headers);
      return res.end();
    }
    sessions.delete(id);
    if (s.received === 0) await pipeline([Buffer.alloc(0)], createWriteStream(s.file));
    sendJson(
      res,
      200,
      resource(await commit(s.bucket, s.name, s.contentType, s.file, header(req, 'x-goog-hash'))),
    );
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const q = url.searchParams;
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path))) {
      const id = q.get('upload_id');
      if (req.method === 'POST' && !id) return startUpload(req, res, decodeURIComponent(m[1]), q);
      if (req.method === 'PUT' && id) return putChunk(req, res, id);
      if (req.method === 'DELETE' && id && sessions.has(id)) {
        const s = sessions.get(id) as Session;
        sessions.delete(id);
        await rm(s.file, { force: true });
        res.writeHead(499, { 'Content-Length': 0 });
        return res.end();
      }
    } else if ((m = /^\/(?:download\/)?storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(path))) {
      const o = objectOr404(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
      if ((req.method === 'GET' || req.method === 'HEAD') && q.get('alt') === 'media')
        return download(req, res, o);
      if (req.method === 'GET') return sendJson(res, 200, resource(o));
      if (req.method === 'DELETE') {
        objects.delete(keyOf(o.bucket, o.name));
        await rm(o.file, { force: true });
        res.writeHead(204);
        return res.end();
      }
    } else if ((m = /^\/storage\/v1\/b\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      const name = bucketOr404(decodeURIComponent(m[1]));
      return sendJson(res, 200, {
        kind: 'storage#bucket',
        id: name,
        name,
        location: 'US',
        storageClass: 'STANDARD',
      });
    }
    throw new ApiError(404, `Not found: ${req.method} ${path}`, 'notFound');
  };

  const server = createServer((req, res) => {
    res.on('finish', () => requests.push(`${req.method} ${req.url} → ${res.statusCode}`));
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      const e = err instanceof ApiError ? err : new ApiError(500, (err as Error).message, 'backendError');
      req.resume();
      sendJson(res, e.code, {
        error: {
          code: e.code,
          message: e.message,
          errors: [{ message: e.message, domain: 'global', reason: e.reason }],
        },
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    endpoint,
    projectId: 'satchel-test',
    requests,
    objects: (bucket) =>
      [...objects.values()]
        .filter((o) => o.bucket === bucket)
        .map((o) => ({ name: o.name, size: o.size }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    openSessions: () => [...sessions.values()].map((s) => ({ name: s.name, received: s.received })),
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'Parse Error', 'parseError');
  }
}

/** `x-goog-hash: crc32c=…,md5=…` as pairs. */
function parseGoogHash(value: string | undefined): [string, string][] {
  if (!value) return [];
  return value.split(',').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
  });
}

/** `bytes a-b/total`, `bytes a-*\/total`, `bytes *\/total`, with `*` for an unknown total. */
function parseContentRange(value: string | undefined): {
  start?: number;
  total?: number;
  openEnded: boolean;
} {
  const m = /^bytes (?:(\d+)-(\d+|\*)|\*)\/(\d+|\*)$/.exec(value?.trim() ?? '');
  if (!m) throw new ApiError(400, `Invalid Content-Range: ${value}`, 'invalid');
  return {
    start: m[1] === undefined ? undefined : Number(m[1]),
    total: m[3] === '*' ? undefined : Number(m[3]),
    openEnded: m[2] === '*',
  };
}

/** An HTTP `Range: bytes=…` on an object of `size` bytes: one range, or 'unsatisfiable'. */
function parseRange(
  value: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(value?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Math.min(Number(m[2]), size);
    return suffix === 0 ? 'unsatisfiable' : { start: size - suffix, end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}

/** The parts of a `multipart/related` body (metadata JSON, then media), as the JSON API's multipart upload. */
function parseMultipartRelated(body: Buffer, contentType: string): { contentType?: string; body: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new ApiError(400, 'Missing multipart boundary', 'invalid');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { contentType?: string; body: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const raw = body.subarray(at + delimiter.length, next);
    const headEnd = raw.indexOf('\r\n\r\n');
    if (headEnd !== -1) {
      const head = raw.subarray(0, headEnd).toString('latin1');
      let content = raw.subarray(headEnd + 4);
      if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
      parts.push({ contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1], body: content });
    }
    at = next;
  }
  if (parts.length !== 2)
    throw new ApiError(400, 'A multipart upload needs metadata and media parts', 'invalid');
  return parts;
}
