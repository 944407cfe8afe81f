import type { RequestHandler } from 'express';
import type { Server } from 'node:http';
import type { HttpLimits } from '../config/app-config';
import { isMultipart } from '../attachments/upload/multipart-reader';

/** How often Node checks header and request deadlines; its 30 s default would blur short timeouts. */
const MAX_CHECK_INTERVAL_MS = 1000;

/**
 * Node's HTTP server limits against slow clients, applied the same way by `npm start` and tests.
 * Node's own `requestTimeout` is off: it cannot tell a 2 GiB upload from a trickled JSON body, so
 * `requestDeadline` enforces the total deadline on non-upload requests and uploads have a stall timer.
 */
export function applyHttpLimits(server: Server, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = 0;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  // A constructor option in the typings, but Node reads it when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    MAX_CHECK_INTERVAL_MS,
    Math.ceil(limits.headersTimeoutMs / 4),
  );
}

/** A non-upload request whose body has not fully arrived after `ms` gets 408 and its connection closed. */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    if (ms === 0 || isMultipart(req) || isTusBody(req)) return next();
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (res.headersSent) return void req.socket.destroy();
      res
        .status(408)
        .set('Connection', 'close')
        .json({ error: `The request did not arrive within ${ms} ms`, code: 'REQUEST_TIMEOUT' });
    }, ms);
    timer.unref();
    const stop = () => clearTimeout(timer);
    res.once('finish', stop).once('close', stop);
    next();
  };
}

/** tus chunks (`application/offset+octet-stream`) may take as long as the link needs, like multipart. */
function isTusBody(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  return req.headers['content-type'] === 'application/offset+octet-stream';
}
