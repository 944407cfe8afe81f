import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/** Upload endpoints: a 4xx/5xx there counts as a refused upload. */
const UPLOAD_ROUTE = /\/(attachments|upload|upload_attachments|files|uploads)(\/|$)/;

/** The route pattern (`/v1/chats/:id/messages`), never the raw path, so label values stay few. */
function routeOf(req: Request): string {
  const path = (req as { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

/** Express middleware: latency by route, refusals by error code, refused uploads. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = routeOf(req);
      stop({ method: req.method, route, status: String(res.statusCode) });
      const code = res.locals['errorCode'] as string | undefined;
      if (res.statusCode >= 400 && res.statusCode < 500 && code) metrics.refusals.inc({ code });
      if (res.statusCode >= 400 && req.method === 'POST' && UPLOAD_ROUTE.test(route)) {
        metrics.uploads.inc({ outcome: 'refused' });
      }
    });
    next();
  };
}
