import { Injectable } from '@nestjs/common';
import { REINDEX_START, REINDEX_TABLES, ReindexRepository, type ReindexCursor } from './reindex.repository';
import type { ReindexJobData } from '../jobs/job-payloads';

/** A job re-indexes this long, then queues its continuation, so document extraction is not held up. */
const STEP_MS = 2000;

/**
 * A language change re-indexes the account's messages, then its document texts, as a chain of
 * short jobs carrying their keyset position. Every batch reads the account's current language,
 * so a pass run twice, or overtaken by another change's pass, leaves the same vectors.
 */
@Injectable()
export class ReindexService {
  constructor(private readonly reindex: ReindexRepository) {}

  /** Runs batches from `job`'s position for up to STEP_MS: the continuation, or null when done. */
  async step(job: ReindexJobData): Promise<ReindexJobData | null> {
    const deadline = Date.now() + STEP_MS;
    let table = job.table;
    let after: ReindexCursor = job.after;
    while (Date.now() < deadline) {
      const last = await this.reindex.batch(table, job.accountId, after);
      if (last) {
        after = last;
        continue;
      }
      const next = REINDEX_TABLES[REINDEX_TABLES.indexOf(table) + 1];
      if (!next) return null;
      table = next;
      after = REINDEX_START;
    }
    return { ...job, table, after };
  }
}
