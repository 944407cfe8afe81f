import { Injectable } from '@nestjs/common';
import type { DeliveryKind } from '@satchel/contracts';
import type { Job } from 'bullmq';
import { KindRegistry } from '../../common/registry/kind-registry';
import type { DeliveryJobData } from './delivery-jobs.repository';

/** Runs one delivery job of its kind (registered by callbacks, S3 export and event webhooks in workers). */
export interface DeliveryProcessor {
  readonly kind: DeliveryKind;
  process(job: Job<DeliveryJobData>): Promise<void>;
}

/** The registered `DeliveryProcessor`s, which the delivery workers run. */
@Injectable()
export class DeliveryProcessors extends KindRegistry<DeliveryKind, DeliveryProcessor> {
  constructor() {
    super('delivery processor', ['callback', 'export', 'event']);
  }
}
