import { ApiPropertyOptional } from '@nestjs/swagger';
import { SEARCH_LANGUAGES, type SearchLanguage, type UpdateAccountRequest } from '@satchel/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({
    enum: SEARCH_LANGUAGES,
    example: 'english',
    description:
      'Language of message and document text search (stemming, stop words); changing it re-indexes in the background',
  })
  @OptionalNotNull()
  @IsIn(SEARCH_LANGUAGES)
  searchLanguage?: SearchLanguage;
}
