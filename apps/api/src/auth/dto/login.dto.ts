import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@satchel/contracts';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@satchel.local' }) @IsEmail() email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
  @ApiPropertyOptional({
    description: 'Two-factor code (or recovery code) when the login answered TOTP_REQUIRED',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  totpCode?: string;
}
