import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ErrorFilter } from '../common/errors/error.filter';
import { jsonBody } from '../common/http/json-body';
import { limitJsonDepth } from '../common/http/json-depth';
import { requestId } from '../common/http/request-id';
import { CraftedInputGuard } from '../common/validation/crafted-input.guard';
import { MAX_BODY_DEPTH } from '../common/validation/crafted-input';
import { createValidationPipe } from '../common/validation/validation.pipe';
import type { AppConfig } from '../config/app-config';
import { httpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { AppModule } from './app.module';
import { applyHttpLimits, requestDeadline } from './http-limits';
import { QuietLogger } from './quiet-logger';
import { helmetOptions } from './security-headers';
import { serveStaticApps } from './static-assets';
import { setupSwagger } from './swagger';

/** Far beyond any real request body; deeper JSON is refused before it is parsed. */
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function logger(level: AppConfig['logLevel']): QuietLogger | false {
  const levels = logLevels(level);
  return levels ? new QuietLogger('Satchel', { logLevels: levels }) : false;
}

export function logLevels(level: AppConfig['logLevel']): LogLevel[] | false {
  if (level === 'silent') return false;
  const map: Record<string, LogLevel> = {
    fatal: 'fatal',
    error: 'error',
    warn: 'warn',
    info: 'log',
    debug: 'debug',
    trace: 'verbose',
  };
  return LEVELS.slice(0, LEVELS.indexOf(map[level] ?? 'log') + 1);
}

/** The HTTP + Socket.IO application, fully wired but not listening. Used by main and by tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: logger(config.logLevel),
    bodyParser: false,
  });
  applyHttpLimits(app.getHttpServer(), config.http.limits);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestId);
  app.use(httpMetrics(app.get(Metrics)));
  app.use(requestDeadline(config.http.limits.requestTimeoutMs));
  app.use(helmet(helmetOptions(config.http.publicUrl)));
  app.enableCors({
    origin: true,
    credentials: false,
    exposedHeaders: ['ETag', 'Content-Disposition', 'X-Request-Id'],
  });
  app.use(jsonBody({ limit: '1mb', verify: limitJsonDepth(MAX_BODY_DEPTH) }));
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalGuards(new CraftedInputGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  setupSwagger(app);
  serveStaticApps(app, config.staticRoot);
  return app;
}

export async function createWorker(config: AppConfig) {
  const ctx = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, runMode: 'worker' }),
    {
      logger: logger(config.logLevel),
    },
  );
  return ctx;
}
