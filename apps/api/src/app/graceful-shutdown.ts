import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Drain } from '../health/drain';

/** Time kept after the drain for aborting stragglers and closing connections, at most a quarter of the deadline. */
const CLOSE_RESERVE_MS = 3000;
/** How long aborted requests get to clean up (remove partial objects) before the app closes. */
const ABORT_GRACE_MS = 1000;

const log = new Logger('Shutdown');

function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), Math.max(0, ms))));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * SIGTERM for the API: readiness false and new requests refused at once, in-flight requests finish
 * until shortly before `deadlineMs`, the rest are aborted (their uploads clean up after themselves:
 * nothing half-stored), then the app closes (Socket.IO clients see the transport close and reconnect
 * elsewhere). Resolves false when something had to be cut.
 */
export async function drainAndClose(app: NestExpressApplication, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  const reserve = Math.min(CLOSE_RESERVE_MS, deadlineMs / 4);
  const drain = app.get(Drain);
  drain.start();
  log.log(`Draining ${drain.inFlight} request(s); deadline ${deadlineMs} ms`);
  let clean = await drain.whenIdle(end - reserve - Date.now());
  if (!clean) {
    log.warn(`Aborting ${drain.inFlight} request(s) still running at the shutdown deadline`);
    app.getHttpServer().closeAllConnections();
    await drain.whenIdle(Math.min(ABORT_GRACE_MS, end - Date.now()));
  }
  if ((await within(app.close(), end - Date.now())) === 'timeout') clean = false;
  return clean;
}

/** SIGTERM for a worker: running jobs finish until the deadline; unfinished ones are redelivered as stalled. */
export async function closeWithin(ctx: INestApplicationContext, deadlineMs: number): Promise<boolean> {
  const done = await within(ctx.close(), deadlineMs);
  if (done === 'timeout') log.warn('Jobs still running at the shutdown deadline: they will be redelivered');
  return done !== 'timeout';
}
