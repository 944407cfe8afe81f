import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIntRange } from '../validation/int-range';

/** Highest page number; with the largest page size that is 20 million rows deep. */
export const MAX_PAGE = 100_000;
export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @OptionalIntRange(1, MAX_PAGE, 'Default 1') page?: number;
  @OptionalIntRange(1, MAX_PAGE_SIZE, 'Default 25') pageSize?: number;
}

/** Pages by offset (`page`) or, faster and stable under inserts, by the previous page's `nextCursor`. */
export class CursorPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; wins over `page`' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

export function pageOf(query: PageQueryDto): { page: number; pageSize: number; skip: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  return { page, pageSize, skip: (page - 1) * pageSize };
}
