import { PHOTO_COMPRESSION_DEFAULTS, type PhotoCompression, type UploadRule } from '@satchel/contracts';
import type { InheritingRule } from '@satchel/domain';
import type { UploadSettingsEntity } from './upload-settings.entity';

export type StoredSettings = Omit<UploadSettingsEntity, 'updatedAt'>;

/** An account without a settings row inherits everything from the platform. */
export function defaultSettings(accountId: string): StoredSettings {
  return {
    accountId,
    visitorEnabled: null,
    visitorAllowedTypes: null,
    visitorMaxSizeKb: null,
    operatorEnabled: null,
    operatorAllowedTypes: null,
    operatorMaxSizeKb: null,
    accessTokenRequired: null,
    loggingEnabled: null,
    generateThumbnails: null,
    previewKinds: { images: true, heic: true, pdf: true, video: true },
    photoCompression: {},
  };
}

/** One role's photo compression: the account's values over the defaults. */
export function compressionOf(settings: StoredSettings, role: 'visitor' | 'operator'): PhotoCompression {
  return { ...PHOTO_COMPRESSION_DEFAULTS, ...settings.photoCompression[role] };
}

/** The account's own values for one role; null fields inherit the platform default. */
export function ruleOf(settings: StoredSettings, role: 'visitor' | 'operator'): InheritingRule {
  return role === 'visitor'
    ? {
        enabled: settings.visitorEnabled,
        allowedTypes: settings.visitorAllowedTypes,
        maxSizeKb: settings.visitorMaxSizeKb,
      }
    : {
        enabled: settings.operatorEnabled,
        allowedTypes: settings.operatorAllowedTypes,
        maxSizeKb: settings.operatorMaxSizeKb,
      };
}

/** The account's value where set, else the platform's. */
export function inherited(own: InheritingRule, platform: UploadRule): UploadRule {
  return {
    enabled: own.enabled ?? platform.enabled,
    allowedTypes: own.allowedTypes ?? platform.allowedTypes,
    maxSizeKb: own.maxSizeKb ?? platform.maxSizeKb,
  };
}

type RuleColumns = Partial<
  Pick<
    StoredSettings,
    | 'visitorEnabled'
    | 'visitorAllowedTypes'
    | 'visitorMaxSizeKb'
    | 'operatorEnabled'
    | 'operatorAllowedTypes'
    | 'operatorMaxSizeKb'
  >
>;

/** Only the fields given become the account's own; the others keep inheriting. */
export function ruleColumns(role: 'visitor' | 'operator', rule: Partial<UploadRule>): RuleColumns {
  const cols: RuleColumns =
    role === 'visitor'
      ? {
          visitorEnabled: rule.enabled,
          visitorAllowedTypes: rule.allowedTypes,
          visitorMaxSizeKb: rule.maxSizeKb,
        }
      : {
          operatorEnabled: rule.enabled,
          operatorAllowedTypes: rule.allowedTypes,
          operatorMaxSizeKb: rule.maxSizeKb,
        };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}
