import type { S3ExportSettings } from '@satchel/contracts';
import { isoOrNull } from '../deliveries/iso-or-null';
import type { S3ExportSettingsEntity } from './s3-export-settings.entity';

export function toS3ExportSettings(s: S3ExportSettingsEntity | null): S3ExportSettings {
  return {
    disabled: s?.disabled ?? true,
    configured: Boolean(s?.bucket && s.accessKeyIdSealed && s.secretAccessKeySealed),
    accessKeyIdLast4: s?.accessKeyIdLast4 ?? null,
    secretAccessKeyLast4: s?.secretAccessKeyLast4 ?? null,
    region: s?.region ?? 'us-east-1',
    bucket: s?.bucket ?? null,
    folder: s?.folder ?? '',
    endpoint: s?.endpoint ?? null,
    updatedAt: isoOrNull(s?.updatedAt ?? null),
  };
}
