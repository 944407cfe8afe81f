import { Injectable } from '@nestjs/common';
import type {
  BacklogResult,
  S3ExportSettings,
  S3ExportTestRequest,
  TestResult,
  UpdateS3ExportSettingsRequest,
} from '@satchel/contracts';
import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError } from '../../common/errors/domain-errors';
import { OutboundUrlValidator } from '../../outbound/outbound-url-validator';
import { AUDIT_ACTIONS } from '../../audit/audit-actions';
import { AuditService, type ActorContext } from '../../audit/audit.service';
import { enabledSince, IntegrationSettings } from '../deliveries/integration-settings';
import { ReconciliationService } from '../deliveries/reconciliation.service';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { last4 } from '../secrets/secret-box';
import { ExportBucketRepository, type ExportTarget } from './export-bucket.repository';
import { normalizeFolder } from './export-key';
import { describeS3Error } from './s3-errors';
import type { S3ExportSettingsEntity } from './s3-export-settings.entity';
import { toS3ExportSettings } from './s3-export-settings.mapper';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';

@Injectable()
export class S3ExportSettingsService {
  private readonly settings: IntegrationSettings<S3ExportSettingsEntity, S3ExportSettings>;

  constructor(
    private readonly repo: S3ExportSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly bucket: ExportBucketRepository,
    private readonly reconciliation: ReconciliationService,
    private readonly outboundUrls: OutboundUrlValidator,
    audit: AuditService,
  ) {
    this.settings = new IntegrationSettings({
      repo,
      view: toS3ExportSettings,
      audit,
      action: AUDIT_ACTIONS.s3ExportUpdate,
    });
  }

  get(accountId: string): Promise<S3ExportSettings> {
    return this.settings.get(accountId);
  }

  async update(ctx: ActorContext, req: UpdateS3ExportSettingsRequest): Promise<S3ExportSettings> {
    const accountId = ctx.principal.accountId;
    if (req.endpoint) await this.outboundUrls.assertAllowed('endpoint', req.endpoint);
    const current = await this.repo.find(accountId);
    const patch: Partial<S3ExportSettingsEntity> = {
      ...this.plainFields(req),
      ...(req.accessKeyId !== undefined && {
        accessKeyIdSealed: this.secrets.s3.seal(req.accessKeyId),
        accessKeyIdLast4: last4(req.accessKeyId),
      }),
      ...(req.secretAccessKey !== undefined && {
        secretAccessKeySealed: this.secrets.s3.seal(req.secretAccessKey),
        secretAccessKeyLast4: last4(req.secretAccessKey),
      }),
    };
    const merged = { ...current, ...patch } as Partial<S3ExportSettingsEntity>;
    if (
      merged.disabled === false &&
      !(merged.bucket && merged.accessKeyIdSealed && merged.secretAccessKeySealed)
    ) {
      throw new ValidationError(
        'accessKeyId, secretAccessKey and bucket are required to enable the S3 export',
        'disabled',
      );
    }
    patch.enabledAt = enabledSince(
      current && { on: !current.disabled, enabledAt: current.enabledAt },
      merged.disabled === false,
    );
    return this.settings.save(ctx, current, patch);
  }

  /** Writes and deletes a probe object with the given (or saved) settings; a clear reason on failure. */
  async test(accountId: string, req: S3ExportTestRequest): Promise<TestResult> {
    const current = await this.repo.find(accountId);
    const t = this.targetOf({ ...current, ...this.plainFields(req) } as S3ExportSettingsEntity, req);
    if (!t)
      return {
        ok: false,
        reason: 'not_configured',
        message: 'Access key ID, secret access key and bucket are required',
        durationMs: 0,
      };
    const folder = normalizeFolder(req.folder ?? current?.folder ?? '') ?? '';
    const key = [folder, `.satchel-probe-${randomUUID()}`].filter(Boolean).join('/');
    const started = Date.now();
    try {
      await this.bucket.probe(t, key);
      return {
        ok: true,
        message: `Wrote and deleted a test object in "${t.bucket}"`,
        key,
        durationMs: Date.now() - started,
      };
    } catch (err) {
      const f = describeS3Error(err, t.bucket);
      return { ok: false, reason: f.reason, message: f.message, key, durationMs: Date.now() - started };
    }
  }

  /** Exports every attachment of the account that was never exported (or failed). */
  async backlog(accountId: string): Promise<BacklogResult> {
    const s = await this.repo.find(accountId);
    if (!s || s.disabled) throw new ConflictError('Enable the S3 export before exporting the backlog');
    return { enqueued: await this.reconciliation.exportBacklog(accountId) };
  }

  /** The saved target with its keys unsealed, or null when incomplete. */
  targetOf(
    s: S3ExportSettingsEntity | null,
    override: { accessKeyId?: string; secretAccessKey?: string } = {},
  ): ExportTarget | null {
    const accessKeyId =
      override.accessKeyId ?? (s?.accessKeyIdSealed ? this.secrets.s3.open(s.accessKeyIdSealed) : undefined);
    const secretAccessKey =
      override.secretAccessKey ??
      (s?.secretAccessKeySealed ? this.secrets.s3.open(s.secretAccessKeySealed) : undefined);
    if (!s?.bucket || !accessKeyId || !secretAccessKey) return null;
    return {
      accessKeyId,
      secretAccessKey,
      region: s.region || 'us-east-1',
      bucket: s.bucket,
      endpoint: s.endpoint ?? null,
    };
  }

  private plainFields(req: UpdateS3ExportSettingsRequest): Partial<S3ExportSettingsEntity> {
    const folder = req.folder === undefined ? undefined : normalizeFolder(req.folder);
    if (folder === undefined && req.folder !== undefined)
      throw new ValidationError('folder must not contain "." or ".." parts or control characters', 'folder');
    return {
      ...(req.disabled !== undefined && { disabled: req.disabled }),
      ...(req.region !== undefined && { region: req.region.trim() }),
      ...(req.bucket !== undefined && { bucket: req.bucket.trim() }),
      ...(folder !== undefined && { folder }),
      ...(req.endpoint !== undefined && { endpoint: req.endpoint || null }),
    };
  }
}
