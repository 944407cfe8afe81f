import { InjectQueue } from '@nestjs/bullmq';
import type { Job, JobSchedulerTemplateOptions, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { JobData, JobName, QueueName } from './job-map';

/**
 * A BullMQ queue whose producers are checked against the job map: only the queue's job names, each
 * with its own payload type, can be added or scheduled.
 */
export type JobQueue<Q extends QueueName> = Omit<Queue, 'add' | 'addBulk' | 'upsertJobScheduler'> & {
  add<J extends JobName<Q>>(name: J, data: JobData<Q, J>, opts?: JobsOptions): Promise<Job<JobData<Q, J>>>;
  upsertJobScheduler<J extends JobName<Q>>(
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'>,
    template: { name: J; data?: JobData<Q, J>; opts?: JobSchedulerTemplateOptions },
  ): Promise<Job<JobData<Q, J>>>;
};

/** Injects the queue registered under this name (`BullModule.registerQueue`); type it `JobQueue<typeof QUEUES.x>`. */
export function InjectJobQueue(queue: QueueName): ParameterDecorator {
  return InjectQueue(queue);
}
