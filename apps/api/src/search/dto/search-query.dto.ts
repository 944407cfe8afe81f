import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SearchQuery } from '@satchel/contracts';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalIntRange } from '../../common/validation/int-range';

export const SEARCH_PAGE = 20;

export class SearchQueryDto implements SearchQuery {
  @ApiProperty({ description: 'Words to find; each matches as a prefix (`inv` finds "invoice")' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q: string;
  @OptionalIntRange(1, 50, `Default ${SEARCH_PAGE}`) limit?: number;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}
