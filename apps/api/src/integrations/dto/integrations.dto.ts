import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_TYPES,
  type CallbackTestRequest,
  type DeliveryKind,
  type DeliveryListQuery,
  type DeliveryStatus,
  type EventType,
  type S3ExportTestRequest,
  type UpdateCallbackSettingsRequest,
  type UpdateS3ExportSettingsRequest,
} from '@satchel/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CursorPageQueryDto } from '../../common/pagination/page-query.dto';
import { IsHttpUrl } from '../../common/validation/http-url';

const notNull = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== null);

export class UpdateCallbackSettingsDto implements UpdateCallbackSettingsRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Where every stored file is POSTed (seed 002 callback)',
  })
  @IsOptional()
  @notNull('url')
  @IsHttpUrl()
  @MaxLength(2048)
  url?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() eventsEnabled?: boolean;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @notNull('eventsUrl')
  @IsHttpUrl()
  @MaxLength(2048)
  eventsUrl?: string | null;
  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: EventType[];
}

export class CallbackTestDto implements CallbackTestRequest {
  @ApiPropertyOptional({ description: 'Test this URL instead of the saved one' })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2048)
  url?: string;
}

export class UpdateS3ExportSettingsDto implements UpdateS3ExportSettingsRequest {
  @ApiPropertyOptional({ description: 'Seed 002 "Disable AWS S3 File Store"' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  accessKeyId?: string;
  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  secretAccessKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(64) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(255) bucket?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) folder?: string;
  @ApiPropertyOptional({ nullable: true, description: 'S3-compatible endpoint (MinIO, R2...)' })
  @IsOptional()
  @notNull('endpoint')
  @IsHttpUrl()
  @MaxLength(2048)
  endpoint?: string | null;
}

export class S3ExportTestDto extends UpdateS3ExportSettingsDto implements S3ExportTestRequest {}

export class DeliveryListQueryDto extends CursorPageQueryDto implements DeliveryListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() attachmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chatId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'refused', 'exported', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'refused', 'exported', 'failed'])
  status?: DeliveryStatus;
  @ApiPropertyOptional({ enum: ['callback', 'export', 'event'] })
  @IsOptional()
  @IsIn(['callback', 'export', 'event'])
  kind?: DeliveryKind;
}
