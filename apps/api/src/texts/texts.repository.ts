import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectJobQueue, type JobQueue } from '../jobs/job-queue';
import { JOBS, QUEUES } from '../jobs/queues';
import { randomUUID } from 'node:crypto';
import type { ReindexJobData } from '../jobs/job-payloads';
import { REINDEX_START } from './reindex.repository';

export type { ReindexJobData, TextJobData } from '../jobs/job-payloads';

export type TextStatus = 'ready' | 'failed' | 'skipped';

/** Transient failures (storage unreachable) are retried: 3 tries, doubling from 5 s. */
export const TEXT_JOB_ATTEMPTS = 3;

/** Extracted document texts (PostgreSQL full-text search) and their extraction jobs. */
@Injectable()
export class TextsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectJobQueue(QUEUES.texts) private readonly queue: JobQueue<typeof QUEUES.texts>,
  ) {}

  /** One job per attachment (the job id), so a replayed event does not extract twice. */
  async enqueue(attachmentId: string): Promise<void> {
    await this.queue.add(
      JOBS.extractText,
      { attachmentId },
      {
        jobId: `text-${attachmentId}`,
        attempts: TEXT_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: 1000,
        removeOnFail: 1000,
      },
    );
  }

  /** Starts a re-index pass of the account's texts in its current search language. */
  startReindex(accountId: string): Promise<void> {
    return this.enqueueReindex({ accountId, run: randomUUID(), table: 'messages', after: REINDEX_START });
  }

  /**
   * A pass's next step; the id is its position, so a retried step that had already queued its
   * continuation does not fork the pass.
   */
  async enqueueReindex(data: ReindexJobData): Promise<void> {
    await this.queue.add(JOBS.reindexTexts, data, {
      jobId: ['reindex', data.run, data.table, data.after.id].join('-'),
      attempts: TEXT_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }

  /** Stores the outcome; false when the attachment was deleted meanwhile. */
  async save(
    attachmentId: string,
    accountId: string,
    status: TextStatus,
    content: string,
    reason: string | null,
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO attachment_texts (attachment_id, account_id, status, content, reason)
       SELECT id, $2, $3, $4, $5 FROM attachments WHERE id = $1
       ON CONFLICT (attachment_id) DO UPDATE
         SET status = EXCLUDED.status, content = EXCLUDED.content, reason = EXCLUDED.reason, extracted_at = now()
       RETURNING attachment_id`,
      [attachmentId, accountId, status, content, reason],
    );
    return rows.length > 0;
  }
}
