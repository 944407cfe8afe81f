import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Header and field names whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["d360-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.secretAccessKey',
  '*.token',
  '*.connectionString',
];

let out: NodeJS.WriteStream = process.stdout;

/** One-shot commands (`--check-storage`, `admin …`) print their report on stdout: logs go to stderr. */
export function logToStderr(): void {
  out = process.stderr;
}

function destination(format: AppConfig['logFormat']): DestinationStream {
  const pretty = format === 'pretty' || (format === 'auto' && out.isTTY === true);
  if (!pretty) return out;
  try {
    // Loaded only for terminals: a dev dependency, absent from a production install (JSON then).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pinoPretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pinoPretty({
      colorize: true,
      singleLine: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
      destination: out === process.stderr ? 2 : 1,
    });
  } catch {
    return out;
  }
}

/**
 * The process's one pino logger: JSON lines (to stdout, so supervisors collect them), pretty lines
 * in a terminal, secrets redacted. Request and job loggers are its children.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Logger {
  processLogger = pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination(config.logFormat),
  );
  return processLogger;
}

let processLogger: Logger | undefined;

/** The root logger made last, for work outside a request (jobs in a `--worker` process have no HTTP). */
export function currentRootLogger(): Logger | undefined {
  return processLogger;
}
