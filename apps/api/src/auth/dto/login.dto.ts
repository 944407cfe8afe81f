import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@satchel/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@satchel.local' }) @IsEmail() email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}
