import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/** Connection and key prefix shared by every BullMQ queue and worker of this deployment. */
export function bullOptions(config: AppConfig): { connection: ConnectionOptions; prefix: string } {
  return {
    connection: { url: config.redis.url, maxRetriesPerRequest: null },
    prefix: `${config.redis.queuePrefix}:bull`,
  };
}
