import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EffectiveUploadRule, PlatformUploadSettings, UploadSettings } from '@satchel/contracts';
import { maxSizeBytes, parseAllowedTypes, resolveRule, type RuleLike } from '@satchel/domain';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import { ruleRoleOf, type Principal } from '../common/auth/principal';
import { ValidationError } from '../common/errors/domain-errors';
import { EVENTS, type UploadSettingsUpdatedEvent } from '../common/events/events';
import type { UpdateUploadSettingsDto } from './dto/upload-settings.dto';
import { PlatformUploadSettingsService } from './platform-upload-settings.service';
import { UploadGroupsRepository } from './upload-groups.repository';
import {
  compressionOf,
  defaultSettings,
  inherited,
  ruleColumns,
  ruleOf,
  type StoredSettings,
} from './upload-settings.defaults';
import { UploadSettingsRepository } from './upload-settings.repository';
import { validTypes } from './valid-types';

const ROLES = ['visitor', 'operator'] as const;

export interface UploaderRule {
  rule: EffectiveUploadRule;
  accessTokenRequired: boolean;
}

/**
 * Per-account upload rules on top of the platform's (an unset value inherits it); the uploader's
 * effective rule also takes their groups and the platform ceiling into account.
 */
@Injectable()
export class UploadSettingsService {
  /** Rules are read on every upload. */
  private readonly cache = new TtlCache<StoredSettings>(SETTINGS_CACHE_MS);

  constructor(
    private readonly settings: UploadSettingsRepository,
    private readonly groups: UploadGroupsRepository,
    private readonly platform: PlatformUploadSettingsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async get(accountId: string): Promise<UploadSettings> {
    const [s, platform] = await Promise.all([this.stored(accountId), this.platform.get()]);
    return this.toDto(s, platform);
  }

  /**
   * The rule an upload by this principal is checked against: platform, account, the principal's
   * groups (operator groups of a signed-in person; the verified-visitor group for a verified
   * visitor), capped by the platform ceiling. `chatId` is the visitor's chat.
   */
  async forUploader(principal: Principal): Promise<UploaderRule> {
    const role = ruleRoleOf(principal);
    const [s, platform, groups] = await Promise.all([
      this.stored(principal.accountId),
      this.platform.get(),
      principal.kind === 'user'
        ? this.groups.ofUser(principal.accountId, principal.userId)
        : principal.kind === 'visitor'
          ? this.groups.ofVisitor(principal.accountId, principal.chatId)
          : Promise.resolve([]),
    ]);
    const resolved = resolveRule({
      role,
      platform: platform[role],
      ceiling: platform.ceiling,
      account: ruleOf(s, role),
      groups: groups.map((g) => ({ name: g.name, rule: g })),
    });
    return {
      rule: {
        ...effective(
          role,
          resolved,
          groups.map((g) => g.name),
        ),
        photoCompression: compressionOf(s, role),
      },
      accessTokenRequired: s.accessTokenRequired ?? platform.accessTokenRequired,
    };
  }

  async update(ctx: ActorContext, dto: UpdateUploadSettingsDto): Promise<UploadSettings> {
    const accountId = ctx.principal.accountId;
    const [before, platform] = await Promise.all([this.stored(accountId), this.platform.get()]);
    const next: StoredSettings = { ...before };
    for (const role of ROLES) {
      const patch = dto[role];
      if (!patch) continue;
      const allowedTypes =
        patch.allowedTypes === undefined ? undefined : validTypes(patch.allowedTypes, `${role}.allowedTypes`);
      const ceiling = platform.ceiling.maxSizeKb;
      if (patch.maxSizeKb !== undefined && patch.maxSizeKb > ceiling) {
        throw new ValidationError(
          `${role}.maxSizeKb must be at most ${ceiling} (the platform limit)`,
          `${role}.maxSizeKb`,
        );
      }
      Object.assign(
        next,
        ruleColumns(role, { enabled: patch.enabled, allowedTypes, maxSizeKb: patch.maxSizeKb }),
      );
    }
    if (dto.accessTokenRequired !== undefined) next.accessTokenRequired = dto.accessTokenRequired;
    if (dto.loggingEnabled !== undefined) next.loggingEnabled = dto.loggingEnabled;
    if (dto.generateThumbnails !== undefined) next.generateThumbnails = dto.generateThumbnails;
    if (dto.previewKinds) next.previewKinds = { ...before.previewKinds, ...definedOnly(dto.previewKinds) };
    const compression = dto.photoCompression;
    if (compression) {
      next.photoCompression = { ...before.photoCompression };
      for (const role of ROLES) {
        const patch = compression[role];
        if (patch) next.photoCompression[role] = { ...compressionOf(before, role), ...definedOnly(patch) };
      }
    }
    await this.settings.save(next);
    this.cache.delete(accountId);
    const after = this.toDto(next, platform);
    this.events.emit(EVENTS.uploadSettingsUpdated, {
      accountId,
      before: this.toDto(before, platform),
      after,
    } satisfies UploadSettingsUpdatedEvent);
    await this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.settingsUpdate,
        outcome: 'success',
        details: { before: this.toDto(before, platform), after },
      },
      true,
    );
    return after;
  }

  private stored(accountId: string): Promise<StoredSettings> {
    return this.cache.get(
      accountId,
      async () => (await this.settings.find(accountId)) ?? defaultSettings(accountId),
    );
  }

  private toDto(settings: StoredSettings, platform: PlatformUploadSettings): UploadSettings {
    return {
      visitor: inherited(ruleOf(settings, 'visitor'), platform.visitor),
      operator: inherited(ruleOf(settings, 'operator'), platform.operator),
      accessTokenRequired: settings.accessTokenRequired ?? platform.accessTokenRequired,
      loggingEnabled: settings.loggingEnabled ?? platform.loggingEnabled,
      generateThumbnails: settings.generateThumbnails ?? platform.generateThumbnails,
      previewKinds: { ...settings.previewKinds },
      photoCompression: {
        visitor: compressionOf(settings, 'visitor'),
        operator: compressionOf(settings, 'operator'),
      },
      platformMaxSizeKb: platform.ceiling.maxSizeKb,
    };
  }
}

function effective(
  role: 'visitor' | 'operator',
  resolved: ReturnType<typeof resolveRule>,
  groups: string[],
): EffectiveUploadRule {
  const rule: RuleLike = {
    enabled: resolved.enabled,
    allowedTypes: resolved.allowedTypes,
    maxSizeKb: resolved.maxSizeKb,
  };
  return {
    role,
    ...rule,
    extensions: parseAllowedTypes(rule.allowedTypes),
    maxSizeBytes: maxSizeBytes(rule),
    decidedBy: resolved.decidedBy,
    groups,
  };
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}
