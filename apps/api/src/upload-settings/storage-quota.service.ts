import { Injectable } from '@nestjs/common';
import type { StorageQuotaDto } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { QuotaExceededError } from '../common/errors/domain-errors';
import { StorageQuotaRepository } from './storage-quota.repository';

/** What an upload may still add: the bytes and files left, and the refusal when it goes past. */
export interface UploadBudget {
  bytes: number;
  files: number;
  exceeded(): QuotaExceededError;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Per-account storage quotas (bytes and files): set by the platform owner, enforced on every upload. */
@Injectable()
export class StorageQuotaService {
  constructor(
    private readonly quotas: StorageQuotaRepository,
    private readonly audit: AuditService,
  ) {}

  async get(accountId: string): Promise<StorageQuotaDto> {
    const [q, used] = await Promise.all([this.quotas.find(accountId), this.quotas.usage(accountId)]);
    return {
      maxBytes: q?.maxBytes ?? null,
      maxFiles: q?.maxFiles ?? null,
      usedBytes: used.bytes,
      usedFiles: used.files,
    };
  }

  async set(
    ctx: ActorContext,
    accountId: string,
    limits: { maxBytes: number | null; maxFiles: number | null },
  ): Promise<StorageQuotaDto> {
    await this.quotas.save(accountId, limits.maxBytes, limits.maxFiles);
    const dto = await this.get(accountId);
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.quotaUpdate, outcome: 'success', details: { accountId, ...limits } },
      true,
    );
    return dto;
  }

  /** The budget of one upload request; refuses at once when the account is already full. */
  async budget(accountId: string): Promise<UploadBudget> {
    const quota = await this.get(accountId);
    const exceeded = () => new QuotaExceededError(quota);
    const bytes = quota.maxBytes === null ? UNLIMITED : quota.maxBytes - quota.usedBytes;
    const files = quota.maxFiles === null ? UNLIMITED : quota.maxFiles - quota.usedFiles;
    if (bytes <= 0 || files <= 0) throw exceeded();
    return { bytes, files, exceeded };
  }
}
