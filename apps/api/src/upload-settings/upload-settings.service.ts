import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EffectiveUploadRule, UploadRule, UploadSettings } from '@satchel/contracts';
import {
  InvalidTypeListError,
  maxSizeBytes,
  normalizeAllowedTypes,
  parseAllowedTypes,
} from '@satchel/domain';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import { ValidationError } from '../common/errors/domain-errors';
import { EVENTS, type UploadSettingsUpdatedEvent } from '../common/events/events';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { UpdateUploadSettingsDto, UploadRulePatchDto } from './dto/upload-settings.dto';
import { defaultSettings, ruleColumns, ruleOf, type StoredSettings } from './upload-settings.defaults';
import { UploadSettingsRepository } from './upload-settings.repository';

const ROLES = ['visitor', 'operator'] as const;

/** Per-account upload rules under the platform ceiling (`MAX_UPLOAD_SIZE_KB`). */
@Injectable()
export class UploadSettingsService {
  /** Rules are read on every upload. */
  private readonly cache = new TtlCache<StoredSettings>(SETTINGS_CACHE_MS);

  constructor(
    private readonly settings: UploadSettingsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  async get(accountId: string): Promise<UploadSettings> {
    return this.toDto(await this.stored(accountId));
  }

  /** The rule an upload by this role is checked against, capped by the platform ceiling. */
  async effectiveRule(accountId: string, role: 'visitor' | 'operator'): Promise<EffectiveUploadRule> {
    return this.effective(await this.stored(accountId), role);
  }

  /** Both the caller's rule and the download switches, in one read (the upload path needs both). */
  async forUpload(
    accountId: string,
    role: 'visitor' | 'operator',
  ): Promise<{ rule: EffectiveUploadRule; accessTokenRequired: boolean }> {
    const s = await this.stored(accountId);
    return { rule: this.effective(s, role), accessTokenRequired: s.accessTokenRequired };
  }

  async update(ctx: ActorContext, dto: UpdateUploadSettingsDto): Promise<UploadSettings> {
    const accountId = ctx.principal.accountId;
    const before = await this.stored(accountId);
    const next: StoredSettings = { ...before };
    for (const role of ROLES) {
      const patch = dto[role];
      if (patch)
        Object.assign(
          next,
          ruleColumns(role, this.validRule(role, { ...ruleOf(before, role), ...definedOnly(patch) }, patch)),
        );
    }
    if (dto.accessTokenRequired !== undefined) next.accessTokenRequired = dto.accessTokenRequired;
    if (dto.loggingEnabled !== undefined) next.loggingEnabled = dto.loggingEnabled;
    if (dto.generateThumbnails !== undefined) next.generateThumbnails = dto.generateThumbnails;
    if (dto.previewKinds) next.previewKinds = { ...before.previewKinds, ...definedOnly(dto.previewKinds) };
    await this.settings.save(next);
    this.cache.delete(accountId);
    const after = this.toDto(next);
    this.events.emit(EVENTS.uploadSettingsUpdated, {
      accountId,
      before: this.toDto(before),
      after,
    } satisfies UploadSettingsUpdatedEvent);
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.settingsUpdate,
        outcome: 'success',
        details: { before: this.toDto(before), after },
      },
      true,
    );
    return after;
  }

  private validRule(role: 'visitor' | 'operator', rule: UploadRule, patch: UploadRulePatchDto): UploadRule {
    let allowedTypes = rule.allowedTypes;
    if (patch.allowedTypes !== undefined) {
      try {
        allowedTypes = normalizeAllowedTypes(patch.allowedTypes);
      } catch (err) {
        if (err instanceof InvalidTypeListError)
          throw new ValidationError(err.message, `${role}.allowedTypes`, { token: err.token });
        throw err;
      }
    }
    const ceiling = this.config.uploads.maxSizeKb;
    if (patch.maxSizeKb !== undefined && patch.maxSizeKb > ceiling) {
      throw new ValidationError(
        `${role}.maxSizeKb must be at most ${ceiling} (the platform limit)`,
        `${role}.maxSizeKb`,
      );
    }
    return { ...rule, allowedTypes };
  }

  private stored(accountId: string): Promise<StoredSettings> {
    return this.cache.get(
      accountId,
      async () => (await this.settings.find(accountId)) ?? defaultSettings(accountId),
    );
  }

  private effective(s: StoredSettings, role: 'visitor' | 'operator'): EffectiveUploadRule {
    const rule = ruleOf(s, role);
    const maxSizeKb = Math.min(rule.maxSizeKb, this.config.uploads.maxSizeKb);
    return {
      role,
      ...rule,
      maxSizeKb,
      extensions: parseAllowedTypes(rule.allowedTypes),
      maxSizeBytes: maxSizeBytes({ maxSizeKb }),
    };
  }

  private toDto(s: StoredSettings): UploadSettings {
    return {
      visitor: ruleOf(s, 'visitor'),
      operator: ruleOf(s, 'operator'),
      accessTokenRequired: s.accessTokenRequired,
      loggingEnabled: s.loggingEnabled,
      generateThumbnails: s.generateThumbnails,
      previewKinds: { ...s.previewKinds },
      platformMaxSizeKb: this.config.uploads.maxSizeKb,
    };
  }
}

/** DTO instances carry every declared field, unset ones as undefined: keep only what was sent. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
