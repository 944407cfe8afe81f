import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { loggingParams } from './logging-params';
import { AppLogger } from './nest-logger';
import { createRootLogger } from './root-logger';

/** Structured logs (infrastructure, global): pino-http per request and `AppLogger` as Nest's logger. */
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): DynamicModule {
    const params = loggingParams(createRootLogger(config));
    return {
      module: LoggingModule,
      global: true,
      imports: [LoggerModule.forRoot(params)],
      providers: [{ provide: AppLogger, useFactory: () => new AppLogger(new PinoLogger(params), params) }],
      exports: [AppLogger],
    };
  }
}
