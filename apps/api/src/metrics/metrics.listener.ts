import { Injectable, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EVENTS, type AttachmentCreatedEvent } from '../common/events/events';
import { Metrics } from './metrics';
import { QueueDepthsRepository } from './queue-depths.repository';

/** Feeds the metrics from domain events and registers the scrape-time gauges. */
@Injectable()
export class MetricsListener implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly queues: QueueDepthsRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'satchel_queue_jobs',
      'BullMQ jobs by queue and state',
      ['queue', 'state'],
      async (set) => {
        // Redis unreachable: the series are left out of this scrape rather than failing it.
        const depths = await Promise.race([
          this.queues.depths(),
          new Promise<[]>((resolve) => setTimeout(() => resolve([]), 2000).unref()),
        ]).catch(() => []);
        for (const d of depths) set({ queue: d.queue, state: d.state }, d.count);
      },
    );
  }

  @OnEvent(EVENTS.attachmentCreated)
  onStored(event: AttachmentCreatedEvent): void {
    this.metrics.uploads.inc({ outcome: 'stored' });
    this.metrics.uploadBytes.inc({ outcome: 'stored' }, event.attachment.size);
  }
}
