import type {
  BackfillJobData,
  DeliveryJobData,
  MailMessage,
  NoData,
  NotifyJobData,
  PreviewJobData,
  ReindexJobData,
  ScanJobData,
  TextJobData,
} from './job-payloads';
import { JOBS, QUEUES } from './queues';

export type { DeliveryJobData } from './job-payloads';

/** A job's payload type, carried by the map without a runtime value. */
function payload<T>(): T {
  return undefined as T;
}

/**
 * Every queue, the jobs it carries and their payloads. The processes that run jobs must handle each
 * job of the map: a missing handler stops the process at start (see `JobWorkers`).
 */
export const QUEUE_JOBS = {
  [QUEUES.maintenance]: { [JOBS.expireIdleChats]: payload<NoData>() },
  [QUEUES.callbacks]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.exports]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.events]: { [JOBS.deliver]: payload<DeliveryJobData>() },
  [QUEUES.integrations]: { [JOBS.reconcileDeliveries]: payload<NoData>() },
  [QUEUES.previews]: {
    [JOBS.generatePreview]: payload<PreviewJobData>(),
    [JOBS.backfillPreviews]: payload<BackfillJobData>(),
  },
  [QUEUES.mail]: {
    [JOBS.sendMail]: payload<MailMessage>(),
    [JOBS.notifyOperator]: payload<NotifyJobData>(),
  },
  [QUEUES.retention]: { [JOBS.retentionSweep]: payload<NoData>() },
  [QUEUES.texts]: {
    [JOBS.extractText]: payload<TextJobData>(),
    [JOBS.reindexTexts]: payload<ReindexJobData>(),
  },
  [QUEUES.scans]: { [JOBS.scanUpload]: payload<ScanJobData>() },
} as const satisfies Record<(typeof QUEUES)[keyof typeof QUEUES], object>;

export type QueueName = keyof typeof QUEUE_JOBS;
export type JobsOf<Q extends QueueName> = (typeof QUEUE_JOBS)[Q];
export type JobName<Q extends QueueName> = keyof JobsOf<Q> & string;
export type JobData<Q extends QueueName, J extends JobName<Q>> = JobsOf<Q>[J];
