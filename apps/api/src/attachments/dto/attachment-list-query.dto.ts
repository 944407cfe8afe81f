import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES, type ActorRole, type AttachmentListQuery } from '@satchel/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from '../../common/pagination/page-query.dto';

export class AttachmentListQueryDto extends CursorPageQueryDto implements AttachmentListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() chatId?: string;
  @ApiPropertyOptional({ enum: ACTOR_ROLES, description: 'Uploader role' })
  @IsOptional()
  @IsIn(ACTOR_ROLES)
  role?: ActorRole;
  @ApiPropertyOptional({ description: 'MIME type (image/png), family (image/*) or extension (pdf)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: 'Search in file names (trigram index)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'Words inside documents (PDF, DOCX, text); items get a `snippet`' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
  @ApiPropertyOptional({ enum: ['createdAt', 'name', 'size'] })
  @IsOptional()
  @IsIn(['createdAt', 'name', 'size'])
  sort?: 'createdAt' | 'name' | 'size';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}
