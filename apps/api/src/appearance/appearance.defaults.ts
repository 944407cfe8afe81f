import { randomBytes } from 'node:crypto';
import type { StoredAppearance, WidgetAppearanceEntity } from './widget-appearance.entity';

export type AppearanceRow = Omit<WidgetAppearanceEntity, 'updatedAt'>;

/** The look the widget had before appearance settings existed. */
export const DEFAULT_APPEARANCE: StoredAppearance = {
  brandColor: '#3056d3',
  position: 'right',
  launcherLabel: null,
  teamName: null,
  greeting: null,
  awayMessage: null,
  businessHours: null,
  preChatForm: false,
  defaultLocale: null,
};

export const newIdentitySecret = () => `is_${randomBytes(24).toString('base64url')}`;

/** An account that never saved: defaults at version 0 (its secret is made on first save). */
export function defaultRow(accountId: string): AppearanceRow {
  return {
    accountId,
    settings: { ...DEFAULT_APPEARANCE },
    avatarKey: null,
    version: 0,
    identitySecret: '',
    identityRequired: false,
  };
}
