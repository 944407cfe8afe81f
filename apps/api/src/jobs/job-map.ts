import { JOBS, QUEUES } from './queues';

/** A job's payload type, carried by the map without a runtime value. */
function payload<T>(): T {
  return undefined as T;
}

export interface DeliveryJobData {
  deliveryId: string;
}

/**
 * The jobs each queue carries, with their payloads. A worker started through the job registry must
 * handle every job of its queue: a missing handler stops the process at start.
 */
export const QUEUE_JOBS = {
  [QUEUES.callbacks]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.exports]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.events]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.integrations]: { [JOBS.reconcileDeliveries]: payload<Record<string, never>>() },
} as const;

export type QueueName = keyof typeof QUEUE_JOBS;
export type JobsOf<Q extends QueueName> = (typeof QUEUE_JOBS)[Q];
