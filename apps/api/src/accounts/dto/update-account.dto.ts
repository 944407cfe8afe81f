import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateAccountRequest } from '@satchel/contracts';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional-not-null';
import { MAX_ALLOWED_ORIGINS } from '../allowed-origins';

export class UpdateAccountDto implements UpdateAccountRequest {
  @ApiPropertyOptional({
    type: [String],
    example: ['https://shop.example.com', 'https://*.example.org'],
    description: 'Origins whose pages may use the widget; empty = any origin',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_ORIGINS)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  allowedOrigins?: string[];
}
