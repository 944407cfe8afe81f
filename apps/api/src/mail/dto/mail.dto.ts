import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  NotificationPrefsDto,
  UpdateTeamSettingsRequest,
  VisitorEmailRequest,
} from '@satchel/contracts';
import { IsBoolean, IsEmail, IsIn, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional-not-null';
import { MAIL_LOCALES } from '../mail-texts';

export class UpdateTeamSettingsDto implements UpdateTeamSettingsRequest {
  @ApiPropertyOptional({ enum: MAIL_LOCALES }) @OptionalNotNull() @IsIn(MAIL_LOCALES) locale?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() requireTotp?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() transcriptEmails?: boolean;
}

export class NotificationPrefsBody implements NotificationPrefsDto {
  @ApiProperty() @IsBoolean() emailWhenOffline: boolean;
}

export class VisitorEmailDto implements VisitorEmailRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
}
