import { ApiProperty } from '@nestjs/swagger';
import type { CreateApiTokenRequest } from '@satchel/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ example: 'CRM integration' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
}
