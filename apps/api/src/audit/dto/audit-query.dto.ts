import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES, type AuditActorRole, type AuditEventQuery } from '@satchel/contracts';

const ROLES = [...ACTOR_ROLES, 'link'];
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from '../../common/pagination/page-query.dto';

export class AuditQueryDto extends CursorPageQueryDto implements AuditEventQuery {
  @ApiPropertyOptional({ example: 'attachment.upload' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure'] })
  @IsOptional()
  @IsIn(['success', 'failure'])
  outcome?: 'success' | 'failure';
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: AuditActorRole;
  @ApiPropertyOptional() @IsOptional() @IsUUID() chatId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() attachmentId?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' }) @IsOptional() @IsISO8601() to?: string;
}
