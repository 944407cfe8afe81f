import type { UploadRule } from '@satchel/contracts';
import { DEFAULT_ALLOWED_TYPES, DEFAULT_MAX_SIZE_KB } from '@satchel/domain';
import type { UploadSettingsEntity } from './upload-settings.entity';

export type StoredSettings = Omit<UploadSettingsEntity, 'updatedAt'>;

const DEFAULT_RULE: UploadRule = {
  enabled: true,
  allowedTypes: DEFAULT_ALLOWED_TYPES,
  maxSizeKb: DEFAULT_MAX_SIZE_KB,
};

/** What an account without a settings row gets: seed 001's types, seed 003's 5 MB, tokens required, logging on. */
export function defaultSettings(accountId: string): StoredSettings {
  return {
    accountId,
    visitorEnabled: DEFAULT_RULE.enabled,
    visitorAllowedTypes: DEFAULT_RULE.allowedTypes,
    visitorMaxSizeKb: DEFAULT_RULE.maxSizeKb,
    operatorEnabled: DEFAULT_RULE.enabled,
    operatorAllowedTypes: DEFAULT_RULE.allowedTypes,
    operatorMaxSizeKb: DEFAULT_RULE.maxSizeKb,
    accessTokenRequired: true,
    loggingEnabled: true,
    generateThumbnails: true,
    previewKinds: { images: true, heic: true, pdf: true, video: true },
  };
}

export function ruleOf(s: StoredSettings, role: 'visitor' | 'operator'): UploadRule {
  return role === 'visitor'
    ? { enabled: s.visitorEnabled, allowedTypes: s.visitorAllowedTypes, maxSizeKb: s.visitorMaxSizeKb }
    : { enabled: s.operatorEnabled, allowedTypes: s.operatorAllowedTypes, maxSizeKb: s.operatorMaxSizeKb };
}

type RuleColumns =
  | Pick<StoredSettings, 'visitorEnabled' | 'visitorAllowedTypes' | 'visitorMaxSizeKb'>
  | Pick<StoredSettings, 'operatorEnabled' | 'operatorAllowedTypes' | 'operatorMaxSizeKb'>;

export function ruleColumns(role: 'visitor' | 'operator', r: UploadRule): RuleColumns {
  return role === 'visitor'
    ? { visitorEnabled: r.enabled, visitorAllowedTypes: r.allowedTypes, visitorMaxSizeKb: r.maxSizeKb }
    : { operatorEnabled: r.enabled, operatorAllowedTypes: r.allowedTypes, operatorMaxSizeKb: r.maxSizeKb };
}
