import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { callbackBody, newBoundary, type CallbackFile } from './callback-body';
import { excerptOf, parseCallbackReply, type CallbackOutcome } from './callback-reply';
import { signBody, signStream } from './webhook-signature';
import { describeTransportError, WebhookClient, type TransportFailure } from './webhook-client';

export interface SendResult {
  outcome: CallbackOutcome;
  /** False when the failure cannot be fixed by retrying (the destination is blocked). */
  retryable: boolean;
  httpStatus: number | null;
  excerpt: string | null;
  durationMs: number;
  failure?: TransportFailure;
}

export interface SignedTarget {
  url: string;
  secret: string;
  webhookId: string;
}

/** Sends one signed file callback (seed 002) or one signed JSON event and says what came back. */
@Injectable()
export class CallbackSender {
  constructor(
    private readonly client: WebhookClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `open` is called twice: once to sign the exact multipart bytes, once to send them. */
  async sendFile(
    t: SignedTarget,
    chatId: string,
    file: CallbackFile,
    open: () => Promise<Readable>,
  ): Promise<SendResult> {
    const started = Date.now();
    const boundary = newBoundary();
    const timestamp = Math.floor(Date.now() / 1000);
    const read = () => open().catch((err: Error) => Promise.reject(new StoredFileError(err)));
    try {
      const signature = await signStream(
        t.secret,
        t.webhookId,
        timestamp,
        callbackBody(boundary, chatId, file, await read()).stream,
      );
      const body = callbackBody(boundary, chatId, file, await read());
      const reply = await this.client.post(
        t.url,
        { ...body.headers, ...signature },
        body.stream,
        this.config.callbacks.timeoutMs,
      );
      const outcome = parseCallbackReply(reply.httpStatus, reply.body);
      const retryable =
        outcome.kind === 'error' || (outcome.kind === 'refused' && this.config.callbacks.retryOnRefusal);
      return {
        outcome,
        retryable,
        httpStatus: reply.httpStatus,
        excerpt: excerptOf(reply.body),
        durationMs: Date.now() - started,
      };
    } catch (err) {
      return this.transportFailure(err, started);
    }
  }

  /** Standard Webhooks JSON event; any 2xx is success. */
  async sendEvent(t: SignedTarget, payload: Record<string, unknown>): Promise<SendResult> {
    const started = Date.now();
    const body = Buffer.from(JSON.stringify(payload));
    const headers = {
      'content-type': 'application/json',
      ...signBody(t.secret, t.webhookId, Math.floor(Date.now() / 1000), body),
    };
    try {
      const reply = await this.client.post(t.url, headers, body, this.config.callbacks.timeoutMs);
      const ok = reply.httpStatus >= 200 && reply.httpStatus < 300;
      const outcome: CallbackOutcome = ok
        ? { kind: 'delivered', uid: '', url: '' }
        : { kind: 'error', error: `The receiver answered HTTP ${reply.httpStatus}` };
      return {
        outcome,
        retryable: !ok,
        httpStatus: reply.httpStatus,
        excerpt: excerptOf(reply.body),
        durationMs: Date.now() - started,
      };
    } catch (err) {
      return this.transportFailure(err, started);
    }
  }

  private transportFailure(err: unknown, started: number): SendResult {
    const failure: TransportFailure =
      err instanceof StoredFileError
        ? { error: `Could not read the stored file: ${err.message}`, retryable: true, reason: 'unreachable' }
        : describeTransportError(err);
    return {
      outcome: { kind: 'error', error: failure.error },
      retryable: failure.retryable,
      httpStatus: null,
      excerpt: null,
      durationMs: Date.now() - started,
      failure,
    };
  }
}

class StoredFileError extends Error {
  constructor(cause: Error) {
    super(cause.message);
  }
}
