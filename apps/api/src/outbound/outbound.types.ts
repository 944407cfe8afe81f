import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  body?: Readable | Buffer | string;
  /** Whole request, connect to last byte; defaults to OUTBOUND_TIMEOUT_MS. */
  timeoutMs?: number;
  /** 0 = do not follow redirects. Every hop is checked again. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The final URL after redirects. */
  url: string;
  /** The address actually connected to. */
  remoteAddress: string;
  body: Readable;
}

/** The guard refused a destination (scheme, address or redirect). `reason` is safe to show users. */
export class OutboundBlockedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OutboundBlockedError';
  }
}

/** The whole request (connect to last body byte) took longer than its time cap. */
export class OutboundTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`outbound request timed out after ${timeoutMs} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** A response body was larger than the caller's cap. */
export class OutboundBodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`response body is larger than ${maxBytes} bytes`);
    this.name = 'OutboundBodyTooLargeError';
  }
}
