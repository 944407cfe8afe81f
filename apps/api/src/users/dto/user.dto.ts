import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type CreateUserRequest, type UpdateUserRequest, type UserRole } from '@satchel/contracts';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional-not-null';

// Every role validates here; who may grant which role is the user-change policy's decision (403).
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: UserRole;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ enum: ROLES }) @OptionalNotNull() @IsIn(ROLES) role?: UserRole;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 8 })
  @OptionalNotNull()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}
