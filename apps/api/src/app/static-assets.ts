import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CONSOLE_CSP } from './security-headers';
import { cacheControlFor, isHtml } from './static-cache';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Serves the built console at /console (SPA fallback) and the widget bundle at /widget: the `.br`/`.gz`
 * files written at build time when the client accepts them, anything else compressed on the fly.
 * `root` must be absolute (the config resolves STATIC_ROOT once).
 */
export function serveStaticApps(app: NestExpressApplication, root: string): void {
  const consoleDir = join(root, 'console', 'browser');
  const widgetDir = join(root, 'widget');
  const consoleFiles = staticFiles(consoleDir, (res, path) => {
    res.setHeader('X-Frame-Options', 'DENY');
    if (isHtml(path)) res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  });
  app.use(['/widget', '/console'], compression({ threshold: 1024 }));
  app.use('/widget', staticFiles(widgetDir));
  app.use('/console', consoleFiles);
  app.use('/console', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(join(consoleDir, 'index.html')))
      return res.status(503).type('text/plain').send('The console is not built yet: run `npm start`.');
    // A deep link (/console/inbox/…) is a route of the app: answer with its index.html.
    req.url = '/index.html';
    consoleFiles(req, res, next);
  });
}

function staticFiles(dir: string, extraHeaders?: (res: ServerResponse, path: string) => void): Handler {
  return expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      fallthrough: true,
      redirect: true,
      setHeaders: (res: ServerResponse, path: string) => {
        res.setHeader('Cache-Control', cacheControlFor(path));
        extraHeaders?.(res, path);
      },
    },
  }) as Handler;
}
