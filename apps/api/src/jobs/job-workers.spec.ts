import { Inject, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, type Job } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { bullOptions } from './bull-options';
import { QUEUE_JOBS, type QueueName } from './job-map';
import type { WorkerSpec } from './job-registry';
import { JobProcessor, JobWorkers, type QueueProcessor } from './job-workers';
import { JobsModule } from './jobs.module';
import { JOBS, QUEUES } from './queues';

const OMIT = Symbol('omitted job');
const seen: Job[] = [];

/** Handles every job of the map (recording them) except the one named `queue/job` in OMIT. */
@JobProcessor()
class EveryJobProcessor implements QueueProcessor {
  constructor(@Inject(OMIT) private readonly omit: string) {}

  workerSpecs(): WorkerSpec[] {
    return (Object.keys(QUEUE_JOBS) as QueueName[]).map((queue): WorkerSpec => {
      const names = Object.keys(QUEUE_JOBS[queue]).filter((name) => `${queue}/${name}` !== this.omit);
      const record = (job: Job) => Promise.resolve(seen.push(job));
      return {
        queue,
        concurrency: 1,
        handlers: Object.fromEntries(names.map((n) => [n, record])),
      };
    });
  }
}

const config = loadConfig({ QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`, LOG_LEVEL: 'error' });

function start(omit: string): Promise<INestApplicationContext> {
  @Module({ providers: [EveryJobProcessor, { provide: OMIT, useValue: omit }] })
  class FeaturesModule {}
  @Module({
    imports: [ConfigModule.forRoot(config), JobsModule.forRoot(config, { worker: true }), FeaturesModule],
  })
  class RootModule {}
  return NestFactory.createApplicationContext(RootModule, { logger: false, abortOnError: false });
}

describe('JobWorkers', () => {
  it('stops the process at start when a job of the map has no handler', async () => {
    await expect(start(`${QUEUES.texts}/${JOBS.extractText}`)).rejects.toThrow(
      'No handler registered for job(s): texts/texts.extract',
    );
  });

  it('starts a worker per queue of the map and runs each job through its handler', async () => {
    const app = await start('');
    const texts = new Queue(QUEUES.texts, bullOptions(config));
    try {
      expect(app.get(JobWorkers)).toBeDefined();
      await texts.add(JOBS.extractText, { attachmentId: 'a1' });
      for (let i = 0; i < 100 && !seen.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(seen.map((j) => [j.queueName, j.name, j.data])).toEqual([
        [QUEUES.texts, JOBS.extractText, { attachmentId: 'a1' }],
      ]);
    } finally {
      await app.close();
      await texts.obliterate({ force: true });
      await texts.close();
    }
  });
});
