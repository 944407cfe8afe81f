import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_TYPES,
  type CallbackTestRequest,
  type EventType,
  type UpdateCallbackSettingsRequest,
} from '@satchel/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsHttpUrl } from '../../../common/validation/http-url';
import { ValidateUnlessNull } from '../../../common/validation/validate-unless-null';

export class UpdateCallbackSettingsDto implements UpdateCallbackSettingsRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Where every stored file is POSTed (seed 002 callback)',
  })
  @IsOptional()
  @ValidateUnlessNull('url')
  @IsHttpUrl()
  @MaxLength(2048)
  url?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() eventsEnabled?: boolean;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateUnlessNull('eventsUrl')
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
