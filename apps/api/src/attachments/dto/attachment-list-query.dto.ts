import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_ROLES,
  EXPORT_FILTERS,
  PREVIEW_FILTERS,
  SCAN_FILTERS,
  type ActorRole,
  type AttachmentListQuery,
  type ExportFilter,
  type PreviewFilter,
  type ScanFilter,
} from '@satchel/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from '../../common/pagination/page-query.dto';
import { OptionalIntRange } from '../../common/validation/int-range';

/** 2^53 − 1: sizes are bigint in the database, but a query never needs more than JS integers. */
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

export class AttachmentListQueryDto extends CursorPageQueryDto implements AttachmentListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() chatId?: string;
  @ApiPropertyOptional({ enum: ACTOR_ROLES, description: 'Uploader role' })
  @IsOptional()
  @IsIn(ACTOR_ROLES)
  role?: ActorRole;
  @ApiPropertyOptional({ description: 'The uploading user (operators, admins)' })
  @IsOptional()
  @IsUUID()
  uploaderId?: string;
  @ApiPropertyOptional({ description: 'Text in the name or email of the chat’s visitor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  visitor?: string;
  @OptionalIntRange(0, MAX_BYTES, 'Smallest size in bytes (inclusive)') minSize?: number;
  @OptionalIntRange(0, MAX_BYTES, 'Largest size in bytes (inclusive)') maxSize?: number;
  @ApiPropertyOptional({ enum: PREVIEW_FILTERS, description: '`none`: no preview record' })
  @IsOptional()
  @IsIn(PREVIEW_FILTERS)
  preview?: PreviewFilter;
  @ApiPropertyOptional({ enum: SCAN_FILTERS, description: '`none`: not scanned (scanning was off)' })
  @IsOptional()
  @IsIn(SCAN_FILTERS)
  scan?: ScanFilter;
  @ApiPropertyOptional({ enum: EXPORT_FILTERS, description: 'S3 export state; `none`: never queued' })
  @IsOptional()
  @IsIn(EXPORT_FILTERS)
  export?: ExportFilter;
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
