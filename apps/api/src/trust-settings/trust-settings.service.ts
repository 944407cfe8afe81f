import { Inject, Injectable } from '@nestjs/common';
import type { TrustSettings } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { UpdateTrustSettingsDto } from './dto/update-trust-settings.dto';
import {
  DEFAULT_TRUST_SETTINGS,
  TrustSettingsRepository,
  type StoredTrustSettings,
} from './trust-settings.repository';

/** Per-account encryption at rest, scanner outage behaviour and active-content policy. */
@Injectable()
export class TrustSettingsService {
  /** Read on every upload. */
  private readonly cache = new TtlCache<StoredTrustSettings>(SETTINGS_CACHE_MS);

  constructor(
    private readonly repo: TrustSettingsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  stored(accountId: string): Promise<StoredTrustSettings> {
    return this.cache.get(accountId, async () => (await this.repo.find(accountId)) ?? DEFAULT_TRUST_SETTINGS);
  }

  async get(accountId: string): Promise<TrustSettings> {
    return this.toDto(await this.stored(accountId));
  }

  async update(ctx: ActorContext, dto: UpdateTrustSettingsDto): Promise<TrustSettings> {
    const accountId = ctx.principal.accountId;
    const before = await this.stored(accountId);
    const next: StoredTrustSettings = {
      encryptionAtRest: dto.encryptionAtRest ?? before.encryptionAtRest,
      scanFailMode: dto.scanFailMode ?? before.scanFailMode,
      activeContent: dto.activeContent ?? before.activeContent,
    };
    await this.repo.save(accountId, next);
    this.cache.delete(accountId);
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.trustSettingsUpdate, outcome: 'success', details: { before, after: next } },
      true,
    );
    return this.toDto(next);
  }

  private toDto(settings: StoredTrustSettings): TrustSettings {
    return { ...settings, scanningAvailable: this.config.scanning.clamd !== undefined };
  }
}
