import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConsistencyReportDto } from '@satchel/contracts';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type AuditContext } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { FileRemover } from './file-remover.service';
import { RetentionRepository, type RetentionFile, type Totals } from './retention.repository';

const PAGE = 500;
const REPORT_LIMIT = 1000;

/**
 * Storage against the database: objects no row or preview refers to (orphans, older than
 * `RETENTION_ORPHAN_GRACE` so an upload still recording its row is not one) and live rows whose
 * object is gone. Reports; with `repair`, deletes the orphans and tombstones the rows.
 */
@Injectable()
export class ConsistencyService {
  private readonly log = new Logger('Consistency');

  constructor(
    private readonly rows: RetentionRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly remover: FileRemover,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(repair: boolean, ctx?: AuditContext): Promise<ConsistencyReportDto> {
    const orphanObjects = await this.orphans();
    const missingObjects = await this.missing();
    if (repair) {
      for (const o of orphanObjects) await this.objects.remove(o.key);
      for (const m of missingObjects) {
        const claimed = await this.rows.claimIds(m.accountId, [m.attachmentId], 'missing-object');
        await this.remover.purge(claimed, 'missing-object', { tombstoned: true });
      }
      if (ctx && orphanObjects.length) {
        await this.audit.record(
          ctx,
          {
            action: AUDIT_ACTIONS.consistencyRepair,
            outcome: 'success',
            reason: 'orphan-object',
            details: { removed: orphanObjects.map((o) => o.key) },
          },
          true,
        );
      }
      this.log.log(`Repaired ${orphanObjects.length} orphan object(s), ${missingObjects.length} missing`);
    }
    return { orphanObjects, missingObjects, repaired: repair };
  }

  /** Rows of one account whose object is missing (the console's "Orphaned" view). */
  async missingOf(accountId: string): Promise<{ items: RetentionFile[]; totals: Totals }> {
    const missing = (await this.missing()).filter((m) => m.accountId === accountId);
    const items = await this.rows.live(
      accountId,
      missing.map((m) => m.attachmentId),
    );
    return { items, totals: { count: items.length, bytes: items.reduce((s, f) => s + f.size, 0) } };
  }

  private async orphans(): Promise<{ key: string; size: number }[]> {
    const known = await this.rows.knownKeys();
    const before = Date.now() - this.config.retention.orphanGraceMs;
    const found: { key: string; size: number }[] = [];
    for await (const object of this.objects.list()) {
      if (known.has(object.key) || object.modifiedAt.getTime() > before) continue;
      found.push({ key: object.key, size: object.size });
      if (found.length >= REPORT_LIMIT) break;
    }
    return found;
  }

  private async missing(): Promise<ConsistencyReportDto['missingObjects']> {
    const found: ConsistencyReportDto['missingObjects'] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await this.rows.liveRows(after, PAGE);
      for (const row of page) {
        if (!(await this.objects.exists(row.storageKey)))
          found.push({ attachmentId: row.id, accountId: row.accountId, key: row.storageKey });
      }
      if (page.length < PAGE || found.length >= REPORT_LIMIT) return found;
      after = page[page.length - 1].id;
    }
  }
}
