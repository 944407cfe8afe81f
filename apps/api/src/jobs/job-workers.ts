import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { bullOptions } from './bull-options';
import { QUEUE_JOBS, type QueueName } from './job-map';
import { assertHandled, jobProcessor, workerOptions, type WorkerSpec } from './job-registry';

/** A provider that runs jobs: its queues' handlers and worker options, started by `JobWorkers`. */
export interface QueueProcessor {
  workerSpecs(): WorkerSpec[];
}

const Discoverable = DiscoveryService.createDecorator<true>();

/**
 * Marks a feature's processor (a provider of the processes that run jobs) so that `JobWorkers`
 * starts a worker for each of its specs.
 */
export function JobProcessor() {
  return <T extends abstract new (...args: never[]) => QueueProcessor>(target: T): void => {
    Injectable()(target);
    Discoverable(true)(target);
  };
}

/**
 * The BullMQ workers of a process that runs jobs: one per queue of the job map, from the specs of
 * every `@JobProcessor()`. A job of the map that no processor handles stops the process at start.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('JobWorkers');
  private readonly workers = new Map<QueueName, Worker>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    const specs = this.specs();
    assertHandled(specs, Object.keys(QUEUE_JOBS) as QueueName[]);
    for (const spec of specs) this.workers.set(spec.queue, this.start(spec));
  }

  /**
   * Lets running jobs finish (a render announcing itself, a delivery recording its attempt) before
   * the HTTP and Socket.IO servers and their Redis connections close.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.close()));
  }

  /** Stops these queues' workers at once without finishing or releasing running jobs (a killed process). */
  async kill(queues: readonly QueueName[]): Promise<void> {
    const workers = queues.flatMap((q) => this.workers.get(q) ?? []);
    await Promise.all(workers.map((w) => w.close(true)));
  }

  private specs(): WorkerSpec[] {
    const processors = new Set(
      this.discovery
        .getProviders({ metadataKey: Discoverable.KEY })
        .map((wrapper) => wrapper.instance as QueueProcessor | undefined)
        .filter((instance) => !!instance),
    );
    return [...processors].flatMap((p) => p.workerSpecs());
  }

  private start(spec: WorkerSpec): Worker {
    const worker = new Worker(spec.queue, jobProcessor(spec), workerOptions(spec, bullOptions(this.config)));
    worker.on('error', (err) => this.log.error(`${spec.queue} worker: ${err.message}`));
    spec.listen?.(worker);
    return worker;
  }
}
