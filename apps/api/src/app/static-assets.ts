import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Serves the built console at /console (SPA fallback) and the widget bundle at /widget. */
export function serveStaticApps(app: NestExpressApplication, root: string): void {
  const consoleDir = join(root, 'console', 'browser');
  const widgetDir = join(root, 'widget');
  app.useStaticAssets(widgetDir, { prefix: '/widget', fallthrough: true, maxAge: '5m' });
  app.useStaticAssets(consoleDir, { prefix: '/console', index: 'index.html', fallthrough: true });
  app.use('/console', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const index = join(consoleDir, 'index.html');
    if (!existsSync(index))
      return res.status(503).type('text/plain').send('The console is not built yet: run `npm start`.');
    res.sendFile(index);
  });
}
