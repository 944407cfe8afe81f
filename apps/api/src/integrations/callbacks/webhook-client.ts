import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { OutboundHttpService } from '../../outbound/outbound-http.service';
import {
  OutboundBlockedError,
  OutboundBodyTooLargeError,
  OutboundTimeoutError,
} from '../../outbound/outbound.types';
import { readBodyCapped } from '../../outbound/read-body-capped';

/** Replies are read up to this size; a larger reply is an error (the issue's 64 KiB cap). */
export const MAX_REPLY_BYTES = 64 * 1024;

export interface WebhookReply {
  httpStatus: number;
  body: Buffer;
}

/** Why a request never produced a reply; `retryable` false when retrying cannot help. */
export interface TransportFailure {
  error: string;
  retryable: boolean;
  reason: 'blocked' | 'timeout' | 'unreachable' | 'bad_response';
}

/** Posts signed requests to customer endpoints, always through the SSRF guard, never following redirects. */
@Injectable()
export class WebhookClient {
  constructor(private readonly outbound: OutboundHttpService) {}

  async post(
    url: string,
    headers: Record<string, string>,
    body: Readable | Buffer,
    timeoutMs: number,
  ): Promise<WebhookReply> {
    const res = await this.outbound.request({
      method: 'POST',
      url,
      headers: { 'user-agent': 'Satchel-Webhooks/1', ...headers },
      body,
      timeoutMs,
      maxRedirects: 0,
    });
    return { httpStatus: res.status, body: await readBodyCapped(res.body, MAX_REPLY_BYTES) };
  }
}

export function describeTransportError(err: unknown): TransportFailure {
  if (err instanceof OutboundBlockedError) {
    return { error: `Blocked by the outbound policy: ${err.reason}`, retryable: false, reason: 'blocked' };
  }
  if (err instanceof OutboundTimeoutError) {
    return { error: `Timed out after ${err.timeoutMs} ms`, retryable: true, reason: 'timeout' };
  }
  if (err instanceof OutboundBodyTooLargeError) {
    return {
      error: `The reply is larger than ${MAX_REPLY_BYTES / 1024} KiB`,
      retryable: true,
      reason: 'bad_response',
    };
  }
  const e = err as NodeJS.ErrnoException;
  const detail = e?.code
    ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
    : (e?.message ?? String(err));
  return { error: `Connection failed: ${detail}`, retryable: true, reason: 'unreachable' };
}
