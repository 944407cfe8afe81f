import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { dependencyPorts } from '../common/errors/dependency-failure';
import { ErrorFilter } from '../common/errors/error.filter';
import { jsonBody } from '../common/http/json-body';
import { limitJsonDepth } from '../common/http/json-depth';
import { requestId } from '../common/http/request-id';
import { NEXT_CURSOR_HEADER } from '../common/pagination/keyset-cursor';
import { CraftedInputGuard } from '../common/validation/crafted-input.guard';
import { MAX_BODY_DEPTH } from '../common/validation/crafted-input';
import { createValidationPipe } from '../common/validation/validation.pipe';
import type { AppConfig } from '../config/app-config';
import { Drain } from '../health/drain';
import { httpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { AppModule } from './app.module';
import { applyHttpLimits, requestDeadline } from './http-limits';
import { AppLogger } from '../logging/nest-logger';
import { helmetOptions } from './security-headers';
import { serveStaticApps } from './static-assets';
import { setupSwagger } from './swagger';

/** The HTTP + Socket.IO application, fully wired but not listening. Used by main and by tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  applyHttpLimits(app.getHttpServer(), config.http.limits);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestId);
  app.use(httpMetrics(app.get(Metrics)));
  app.use(app.get(Drain).middleware());
  app.use(requestDeadline(config.http.limits.requestTimeoutMs));
  app.use(helmet(helmetOptions(config.http.publicUrl)));
  app.enableCors({
    origin: true,
    credentials: false,
    exposedHeaders: ['ETag', 'Content-Disposition', 'X-Request-Id', NEXT_CURSOR_HEADER],
  });
  app.use(jsonBody({ limit: '1mb', verify: limitJsonDepth(MAX_BODY_DEPTH) }));
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.useGlobalFilters(new ErrorFilter(dependencyPorts(config.database.url, config.redis.url)));
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
    { bufferLogs: true },
  );
  ctx.useLogger(ctx.get(AppLogger));
  return ctx;
}
