import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type UserRole,
} from '@satchel/contracts';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional-not-null';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: UserRole;
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  groups?: string[];
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) token: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
}
