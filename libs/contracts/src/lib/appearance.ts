/** The widget languages Satchel ships (each a small catalogue, loaded on demand). */
export const WIDGET_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'ar'] as const;
export type WidgetLocaleCode = (typeof WIDGET_LOCALES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours of one weekday, `HH:MM` 24-hour local time in the account's time zone; close after open. */
export interface OpeningHours {
  open: string;
  close: string;
}

/** When operators answer: per weekday (missing/null = closed all day), in an IANA time zone. */
export interface BusinessHours {
  timeZone: string;
  days: Partial<Record<Weekday, OpeningHours | null>>;
}

/** How the widget looks and greets, as the widget receives it (`GET /v1/widget/config`). */
export interface WidgetAppearance {
  /** `#rrggbb`: launcher, header and send button. */
  brandColor: string;
  /** Chosen by Satchel: white or black, whichever contrasts more with the brand colour. */
  brandTextColor: '#ffffff' | '#000000';
  position: 'left' | 'right';
  /** Text on the launcher; null shows the chat icon. */
  launcherLabel: string | null;
  teamName: string | null;
  /** Absolute path of the team avatar on the API (`/v1/widget/avatars/…`), null when none. */
  avatarUrl: string | null;
  greeting: string | null;
  /** Shown outside business hours (when hours are set). */
  awayMessage: string | null;
  businessHours: BusinessHours | null;
  /** Ask the visitor's name and email before the first message. */
  preChatForm: boolean;
  /** The admin's language for visitors whose page does not force one; null = the browser's. */
  defaultLocale: WidgetLocaleCode | null;
}

/** The widget's public configuration: its appearance with a version that changes on every save. */
export interface WidgetConfig {
  version: number;
  appearance: WidgetAppearance;
}

/** `GET|PUT /v1/settings/appearance` (admins). */
export interface AppearanceSettings extends WidgetConfig {
  /** Contrast ratio of the auto-picked text colour on the brand colour (WCAG needs ≥ 4.5). */
  brandContrast: number;
  /** Contrast of the brand colour on white; below 3 it is hard to see as a control on white pages. */
  brandOnWhiteContrast: number;
  identity: IdentitySettings;
}

export interface IdentitySettings {
  /** When true, `identify()` must carry `hash` = hex HMAC-SHA256 of the visitor id with `secret`. */
  required: boolean;
  secret: string;
}

/** Any subset; `null` clears an optional field. */
export type UpdateAppearanceRequest = Partial<
  Omit<WidgetAppearance, 'brandTextColor' | 'avatarUrl'> & { identityRequired: boolean }
>;

/** `PUT /v1/settings/appearance/avatar`: a PNG, JPEG or WebP image as a `data:` URL (≤ 512 KB). */
export interface UploadAvatarRequest {
  dataUrl: string;
}

/** `POST /v1/chats/:id/identify` (the chat's visitor token). */
export interface IdentifyVisitorRequest {
  id: string;
  name?: string;
  email?: string;
  /** Hex HMAC-SHA256 of `id` with the account's identity secret; required when verification is on. */
  hash?: string;
}

export interface IdentifyVisitorResponse {
  visitorName: string;
  visitorEmail: string | null;
  verified: boolean;
}

export const IDENTITY_NOT_VERIFIED = 'IDENTITY_NOT_VERIFIED';
export const LOW_CONTRAST = 'LOW_CONTRAST';
