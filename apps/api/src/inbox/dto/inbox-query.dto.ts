import { ApiPropertyOptional } from '@nestjs/swagger';
import { INBOX_VIEWS, type InboxView } from '@satchel/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIntRange } from '../../common/validation/int-range';

export const INBOX_PAGE = 100;
export const INBOX_MAX_LIMIT = 500;
export const INBOX_MAX_OFFSET = 100_000;

/** A window of one view's chats, newest activity first; fewer than `limit` items means the end. */
export class InboxQueryDto {
  @OptionalIntRange(1, INBOX_MAX_LIMIT, `Default ${INBOX_PAGE}`) limit?: number;
  @OptionalIntRange(0, INBOX_MAX_OFFSET, 'Default 0') offset?: number;
  @ApiPropertyOptional({ enum: INBOX_VIEWS, description: 'Default `open` (every open or pending chat)' })
  @IsOptional()
  @IsIn(INBOX_VIEWS)
  view?: InboxView;
  @ApiPropertyOptional({ description: 'Visitor name or email, message text, file name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ description: 'The `X-Next-Cursor` header of the previous page; wins over `offset`' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}
