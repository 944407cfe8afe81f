import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BusinessHours,
  IdentifyVisitorRequest,
  UpdateAppearanceRequest,
  UploadAvatarRequest,
  WidgetLocaleCode,
} from '@satchel/contracts';
import { WIDGET_LOCALES } from '@satchel/contracts';
import {
  IsBoolean,
  IsEmail,
  IsHexadecimal,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional-not-null';

/** Any subset; `null` clears launcherLabel, teamName, greeting, awayMessage, businessHours, defaultLocale. */
export class UpdateAppearanceDto implements UpdateAppearanceRequest {
  @ApiPropertyOptional({ example: '#3056d3' })
  @OptionalNotNull()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'brandColor must be a #rrggbb colour' })
  brandColor?: string;
  @ApiPropertyOptional({ enum: ['left', 'right'] }) @OptionalNotNull() @IsIn(['left', 'right']) position?:
    'left' | 'right';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(24) launcherLabel?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) teamName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) greeting?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) awayMessage?: string | null;
  @ApiPropertyOptional({
    description: '{timeZone: "Europe/Berlin", days: {mon: {open: "09:00", close: "17:00"}}}',
  })
  @IsOptional()
  @IsObject()
  businessHours?: BusinessHours | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() preChatForm?: boolean;
  @ApiPropertyOptional({ enum: WIDGET_LOCALES })
  @IsOptional()
  @IsIn([...WIDGET_LOCALES])
  defaultLocale?: WidgetLocaleCode | null;
  @ApiPropertyOptional({ description: 'identify() must be signed with the identity secret' })
  @OptionalNotNull()
  @IsBoolean()
  identityRequired?: boolean;
}

export class UploadAvatarDto implements UploadAvatarRequest {
  @ApiProperty({ description: 'data:image/png|jpeg|webp;base64,… (at most 512 KB of image)' })
  @IsString()
  @MaxLength(720_000)
  dataUrl: string;
}

export class IdentifyVisitorDto implements IdentifyVisitorRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) id: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ description: 'hex HMAC-SHA256(id, identity secret)' })
  @IsOptional()
  @IsHexadecimal()
  @Length(64, 64)
  hash?: string;
}
