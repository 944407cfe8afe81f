import { Inject, Injectable, Logger } from '@nestjs/common';
import { AttachmentObjectsRepository } from '../attachments/attachment-objects.repository';
import { AttachmentPresenter } from '../attachments/attachment-presenter';
import { AttachmentRecorder } from '../attachments/attachment-recorder';
import type { AttachmentEntity } from '../attachments/attachment.entity';
import type { AuditContext } from '../audit/audit.service';
import { ServiceUnavailableError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { scanStream, ScannerUnavailableError } from './clamd-client';
import { QuarantineRepository } from './quarantine.repository';

const BATCH = 100;

export interface RescanResult {
  scanned: number;
  infected: number;
}

/**
 * Re-checks stored files with clamd: the `unscanned` ones once clamd is back (fail-open uploads),
 * or all of an account's files after a signature update. A file found infected goes to quarantine
 * and is announced (`attachment.infected`) and audited like one caught at upload.
 */
@Injectable()
export class RescanService {
  private readonly log = new Logger('Rescan');

  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly objects: AttachmentObjectsRepository,
    private readonly presenter: AttachmentPresenter,
    private readonly recorder: AttachmentRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get available(): boolean {
    return this.config.scanning.clamd !== undefined;
  }

  /** Stops at the first clamd failure (it is still down): the next run goes on. */
  async rescanUnscanned(): Promise<RescanResult> {
    const result = { scanned: 0, infected: 0 };
    if (!this.available) return result;
    for (const row of await this.quarantine.unscanned(BATCH)) {
      const infected = await this.scanOne(row, { principal: null, accountId: row.accountId, ip: null });
      result.scanned++;
      if (infected) result.infected++;
    }
    return result;
  }

  /** Every file of the account not already in quarantine (`POST /v1/quarantine/rescan`). */
  async rescanAccount(ctx: AuditContext, accountId: string): Promise<RescanResult> {
    if (!this.available)
      throw new ServiceUnavailableError('No malware scanner is configured (CLAMAV_URL)', {
        code: 'SCANNER_NOT_CONFIGURED',
      });
    const result = { scanned: 0, infected: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.quarantine.notInfected(accountId, after, BATCH);
      if (rows.length === 0) return result;
      for (const row of rows) {
        if (await this.scanOne(row, ctx).catch((err: unknown) => this.unavailable(err))) result.infected++;
        result.scanned++;
      }
      after = rows[rows.length - 1].id;
    }
  }

  private async scanOne(row: AttachmentEntity, ctx: AuditContext): Promise<boolean> {
    const { clamd, timeoutMs } = this.config.scanning;
    if (!clamd) return false;
    const verdict = await scanStream(clamd, timeoutMs, await this.objects.read(row.storageKey));
    if (!verdict.infected) {
      await this.quarantine.setVerdict(row.id, 'clean', null);
      return false;
    }
    if (!(await this.quarantine.setVerdict(row.id, 'infected', verdict.signature))) return false;
    this.log.warn(`Quarantined attachment ${row.id}: ${verdict.signature}`);
    const updated = { ...row, scanStatus: 'infected' as const, scanSignature: verdict.signature };
    await this.recorder.quarantined(ctx, await this.presenter.presentOne(updated, { withStatus: false }));
    return true;
  }

  private unavailable(err: unknown): never {
    if (err instanceof ScannerUnavailableError)
      throw new ServiceUnavailableError('The malware scanner is unavailable; try the rescan again later', {
        code: 'SCANNER_UNAVAILABLE',
      });
    throw err;
  }
}
