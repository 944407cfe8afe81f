import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';

/** Nest's start-up chatter (one line per module and route) is left out. */
const NOISY = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
]);

/**
 * Nest's logger interface over pino: `new Logger('Context').log(...)` anywhere becomes a JSON line with
 * `context`, and inside a request or job it carries that request's `reqId` or that job's `jobId`.
 */
export class AppLogger extends PinoNestLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && NOISY.has(context)) return;
    super.log(message, ...optionalParams);
  }

  /** A logger usable before the Nest app exists (configuration, migrations). */
  static standalone(params: Params): AppLogger {
    return new AppLogger(new PinoLogger(params), params);
  }
}
