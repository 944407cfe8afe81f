import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { OutboundBlockedError, type OutboundRequest } from './outbound.types';

export interface Hop {
  url: URL;
  method: OutboundRequest['method'];
  headers: Record<string, string>;
  body: OutboundRequest['body'];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'd360-api-key'];
const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];

/** Parses a destination URL; only http: and https: may be fetched. */
export function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new OutboundBlockedError(`invalid URL ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundBlockedError(`URL scheme ${url.protocol} is not allowed (only http: and https:)`);
  }
  return url;
}

/** The next request when `res` is a redirect with a Location, else undefined. */
export function redirectHop(current: Hop, res: IncomingMessage): Hop | undefined {
  const location = res.headers.location;
  if (!REDIRECT_STATUSES.has(res.statusCode ?? 0) || !location) return undefined;
  const url = parseTarget(location, current.url);
  const toGet =
    res.statusCode === 303 || (current.method === 'POST' && res.statusCode !== 307 && res.statusCode !== 308);
  if (!toGet && current.body instanceof Readable) {
    throw new Error('cannot follow a 307/308 redirect with a streamed request body');
  }
  const drop = [
    ...(url.origin !== current.url.origin ? CREDENTIAL_HEADERS : []),
    ...(toGet ? BODY_HEADERS : []),
  ];
  const headers = Object.fromEntries(
    Object.entries(current.headers).filter(([k]) => !drop.includes(k.toLowerCase())),
  );
  const method = toGet && current.method !== 'HEAD' ? 'GET' : current.method;
  return { url, method, headers, body: toGet ? undefined : current.body };
}
