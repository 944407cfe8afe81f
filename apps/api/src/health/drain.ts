import { Injectable } from '@nestjs/common';
import type { RequestHandler } from 'express';

/** Seconds a client refused during shutdown should wait: another process is already taking over. */
const SHUTDOWN_RETRY_AFTER_S = 1;
const PROBES = /^\/health(\/(live|ready))?\/?$/;

/**
 * Graceful shutdown's HTTP side: counts in-flight requests and, once draining, turns readiness false
 * and answers new requests `503 SHUTTING_DOWN` (probes still answer) while the running ones finish.
 */
@Injectable()
export class Drain {
  private running = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.running;
  }

  start(): void {
    this.draining = true;
  }

  /** Resolves true once no request is running, false when `ms` passed first. */
  whenIdle(ms: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((ok) => {
      const timer = setTimeout(() => ok(false), Math.max(0, ms));
      this.waiters.push(() => {
        clearTimeout(timer);
        ok(true);
      });
    });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (PROBES.test(req.path)) return next();
      if (this.draining) {
        res.setHeader('Retry-After', String(SHUTDOWN_RETRY_AFTER_S));
        res.setHeader('Connection', 'close');
        res.status(503).json({
          error: 'The server is shutting down, try again',
          code: 'SHUTTING_DOWN',
          retryAfter: SHUTDOWN_RETRY_AFTER_S,
        });
        return;
      }
      this.running++;
      res.once('close', () => this.finished());
      next();
    };
  }

  private finished(): void {
    this.running--;
    if (this.running > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
