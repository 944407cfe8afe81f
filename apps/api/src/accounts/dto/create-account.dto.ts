import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateAccountRequest } from '@satchel/contracts';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateAccountDto implements CreateAccountRequest {
  @ApiProperty({ example: 'Acme Support' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty() @IsEmail() adminEmail: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) adminName?: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) adminPassword: string;
}
