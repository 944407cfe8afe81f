import type { CallbackSettings } from '@satchel/contracts';
import { isoOrNull } from '../deliveries/iso-or-null';
import type { CallbackSettingsEntity } from './callback-settings.entity';

export function toCallbackSettings(s: CallbackSettingsEntity | null): CallbackSettings {
  return {
    enabled: s?.enabled ?? false,
    url: s?.url ?? null,
    eventsEnabled: s?.eventsEnabled ?? false,
    eventsUrl: s?.eventsUrl ?? null,
    eventTypes: s?.eventTypes ?? [],
    secretLast4: s?.secretLast4 ?? null,
    secretCreatedAt: isoOrNull(s?.secretCreatedAt ?? null),
    updatedAt: isoOrNull(s?.updatedAt ?? null),
  };
}
