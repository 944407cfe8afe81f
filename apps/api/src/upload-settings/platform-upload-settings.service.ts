import { Inject, Injectable } from '@nestjs/common';
import type { PlatformUploadSettings, UploadRule } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import { ValidationError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { UpdatePlatformUploadSettingsDto } from './dto/platform-upload-settings.dto';
import {
  PlatformUploadSettingsRepository,
  type StoredPlatformSettings,
} from './platform-upload-settings.repository';
import { validTypes } from './valid-types';

const EMPTY: StoredPlatformSettings = {
  visitorEnabled: null,
  visitorAllowedTypes: null,
  visitorMaxSizeKb: null,
  operatorEnabled: null,
  operatorAllowedTypes: null,
  operatorMaxSizeKb: null,
  ceilingMaxSizeKb: null,
  ceilingAllowedTypes: null,
};

/**
 * The platform level, set by the owner: defaults every account inherits (unset = seed 000's
 * environment settings) and ceilings no account or group can exceed (at most `MAX_UPLOAD_SIZE_KB`).
 */
@Injectable()
export class PlatformUploadSettingsService {
  private readonly cache = new TtlCache<StoredPlatformSettings>(SETTINGS_CACHE_MS);

  constructor(
    private readonly repo: PlatformUploadSettingsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<PlatformUploadSettings> {
    return this.resolve(await this.stored());
  }

  async update(ctx: ActorContext, dto: UpdatePlatformUploadSettingsDto): Promise<PlatformUploadSettings> {
    const before = await this.stored();
    const next: StoredPlatformSettings = { ...before };
    const hard = this.config.uploads.maxSizeKb;
    const ceiling = dto.ceiling;
    if (ceiling?.maxSizeKb !== undefined) {
      if (ceiling.maxSizeKb > hard)
        throw new ValidationError(
          `ceiling.maxSizeKb must be at most ${hard} (MAX_UPLOAD_SIZE_KB)`,
          'ceiling.maxSizeKb',
        );
      next.ceilingMaxSizeKb = ceiling.maxSizeKb;
    }
    if (ceiling?.allowedTypes !== undefined)
      next.ceilingAllowedTypes =
        ceiling.allowedTypes === null ? null : validTypes(ceiling.allowedTypes, 'ceiling.allowedTypes');
    for (const role of ['visitor', 'operator'] as const) {
      const patch = dto[role];
      if (!patch) continue;
      if (patch.enabled !== undefined) next[`${role}Enabled`] = patch.enabled;
      if (patch.allowedTypes !== undefined)
        next[`${role}AllowedTypes`] = validTypes(patch.allowedTypes, `${role}.allowedTypes`);
      if (patch.maxSizeKb !== undefined) next[`${role}MaxSizeKb`] = patch.maxSizeKb;
    }
    const after = this.resolve(next);
    for (const role of ['visitor', 'operator'] as const) {
      if (dto[role]?.maxSizeKb !== undefined && after[role].maxSizeKb > after.ceiling.maxSizeKb)
        throw new ValidationError(
          `${role}.maxSizeKb must be at most ${after.ceiling.maxSizeKb} (the platform ceiling)`,
          `${role}.maxSizeKb`,
        );
    }
    await this.repo.save(next);
    this.cache.delete('platform');
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.settingsUpdate,
        outcome: 'success',
        details: { platform: { before: this.resolve(before), after } },
      },
      true,
    );
    return after;
  }

  private stored(): Promise<StoredPlatformSettings> {
    return this.cache.get('platform', async () => {
      const row = await this.repo.find();
      if (!row) return EMPTY;
      const { id: _id, updatedAt: _at, ...rest } = row;
      return rest;
    });
  }

  private resolve(settings: StoredPlatformSettings): PlatformUploadSettings {
    const defaults = this.config.uploads.platformDefaults;
    const hard = this.config.uploads.maxSizeKb;
    const rule = (role: 'visitor' | 'operator'): UploadRule => ({
      enabled: settings[`${role}Enabled`] ?? defaults.rule.enabled,
      allowedTypes: settings[`${role}AllowedTypes`] ?? defaults.rule.allowedTypes,
      maxSizeKb: settings[`${role}MaxSizeKb`] ?? defaults.rule.maxSizeKb,
    });
    return {
      visitor: rule('visitor'),
      operator: rule('operator'),
      ceiling: {
        maxSizeKb: Math.min(settings.ceilingMaxSizeKb ?? hard, hard),
        allowedTypes: settings.ceilingAllowedTypes,
      },
      accessTokenRequired: defaults.accessTokenRequired,
      loggingEnabled: defaults.loggingEnabled,
      generateThumbnails: defaults.generateThumbnails,
      hardLimitKb: hard,
    };
  }
}
