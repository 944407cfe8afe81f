import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { compileAllowList, type OutboundAllowList } from './address-policy';
import { Deadline } from './deadline';
import { guardedAgents, type GuardedAgents } from './guarded-agent';
import { OutboundBlockedError, type OutboundRequest, type OutboundResponse } from './outbound.types';
import { parseTarget, redirectHop, type Hop } from './redirects';

/**
 * The only way Satchel fetches a URL (from-URL uploads, callbacks): http/https only, every hop's
 * connected address checked by the SSRF policy, redirects followed manually, one total time cap.
 */
@Injectable()
export class OutboundHttpService implements OnModuleDestroy {
  private readonly allow: OutboundAllowList;
  private readonly agents: GuardedAgents;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.allow = compileAllowList(config.outbound.allow);
    this.agents = guardedAgents(this.allow);
  }

  /** Agents for clients that bring their own HTTP stack (AWS SDK), bound to this OUTBOUND_ALLOW. */
  guardedAgents(options: { keepAlive?: boolean } = {}): GuardedAgents {
    return guardedAgents(this.allow, options);
  }

  /** Resolves once the final response's headers arrived; its body stays under the same time cap. */
  async request(req: OutboundRequest): Promise<OutboundResponse> {
    const maxRedirects = req.maxRedirects ?? this.config.outbound.maxRedirects;
    const deadline = new Deadline(req.timeoutMs ?? this.config.outbound.timeoutMs);
    let hop: Hop = {
      url: parseTarget(req.url),
      method: req.method,
      headers: req.headers ?? {},
      body: req.body,
    };
    try {
      for (let redirects = 0; ; redirects++) {
        const res = await this.send(hop, deadline);
        const next = maxRedirects > 0 ? redirectHop(hop, res) : undefined;
        if (!next) return this.finish(hop.url, res, deadline);
        res.resume();
        if (redirects >= maxRedirects)
          throw new OutboundBlockedError(`too many redirects (more than ${maxRedirects})`);
        hop = next;
      }
    } catch (err) {
      deadline.clear();
      throw err;
    }
  }

  onModuleDestroy(): void {
    this.agents.httpAgent.destroy();
    this.agents.httpsAgent.destroy();
  }

  private send(hop: Hop, deadline: Deadline): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const secure = hop.url.protocol === 'https:';
      const options = { method: hop.method, headers: hop.headers };
      const req = secure
        ? https.request(hop.url, { ...options, agent: this.agents.httpsAgent })
        : http.request(hop.url, { ...options, agent: this.agents.httpAgent });
      deadline.track(req);
      req.once('error', reject);
      req.once('response', (res) => {
        deadline.track(res);
        resolve(res);
      });
      writeBody(req, hop.body).catch((err: Error) => {
        req.destroy(err);
        reject(err);
      });
    });
  }

  private finish(url: URL, res: IncomingMessage, deadline: Deadline): OutboundResponse {
    res.once('close', () => deadline.clear());
    return {
      status: res.statusCode ?? 0,
      headers: res.headers,
      url: url.toString(),
      remoteAddress: res.socket?.remoteAddress ?? '',
      body: res,
    };
  }
}

async function writeBody(req: http.ClientRequest, body: OutboundRequest['body']): Promise<void> {
  if (body instanceof Readable) return pipeline(body, req);
  if (body !== undefined) req.setHeader('content-length', Buffer.byteLength(body));
  req.end(body);
}
