import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics. One registry per app instance (tests run several in one process);
 * counters are bumped by the HTTP middleware, the upload listener, the gateway and the delivery core.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'satchel_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly uploads = new Counter({
    name: 'satchel_uploads_total',
    help: 'Files uploaded, by outcome (stored or refused)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly uploadBytes = new Counter({
    name: 'satchel_upload_bytes_total',
    help: 'Bytes of stored uploads',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly refusals = new Counter({
    name: 'satchel_refusals_total',
    help: 'Requests refused with a 4xx, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'satchel_delivery_attempts_total',
    help: 'Callback, export and event delivery attempts, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly sockets = new Gauge({
    name: 'satchel_socket_connections',
    help: 'Open Socket.IO connections on this process',
    registers: [this.registry],
  });

  constructor() {
    // Process CPU/memory, GC, and `nodejs_eventloop_lag_*` (event-loop lag) among them.
    collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge whose value is read at scrape time (queue depths). */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    collect: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await collect((labels, value) => this.set(labels as never, value));
      },
    });
  }
}
