import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { withJobLogs } from './job-logs';
import { createRootLogger } from './root-logger';

const job = { queueName: 'callbacks', name: 'deliver', id: 'j1' } as Job;
const bindingsInside = () => withJobLogs(job, async () => storage.getStore()?.logger.bindings());

describe('withJobLogs', () => {
  const writable = PinoLogger as unknown as { root: unknown };
  const httpRoot = writable.root;
  afterEach(() => (writable.root = httpRoot));

  it('tags log lines with the job in a --worker process, where no HTTP middleware set a root logger', async () => {
    writable.root = undefined;
    createRootLogger({ logLevel: 'silent', logFormat: 'json' });
    await expect(bindingsInside()).resolves.toMatchObject({
      queue: 'callbacks',
      job: 'deliver',
      jobId: 'j1',
    });
  });
});
