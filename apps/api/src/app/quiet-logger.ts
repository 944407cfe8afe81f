import { ConsoleLogger } from '@nestjs/common';

const NOISY = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
]);

/** Nest's console logger without the per-route and per-module start-up lines. */
export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && NOISY.has(context)) return;
    super.log(message, context);
  }
}
