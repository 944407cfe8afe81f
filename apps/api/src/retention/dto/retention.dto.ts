import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  RETENTION_BULK_ACTIONS,
  RETENTION_VIEWS,
  type RetentionBulkAction,
  type RetentionView,
} from '@satchel/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const MAX_DAYS = 36500;

export class KindDaysDto {
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) image?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) video?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) audio?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) document?: number;
}

export class RoleDaysDto {
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) visitor?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAYS) operator?: number;
}

/** `PUT /v1/settings/retention` and the dry run: `{"days": N}` at its simplest, `{"days": null}` = forever. */
export class RetentionPolicyDto {
  @ApiPropertyOptional({ nullable: true, description: 'Days to keep files; null keeps them forever' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  days?: number | null;

  @ApiPropertyOptional({ type: KindDaysDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KindDaysDto)
  byKind?: KindDaysDto;

  @ApiPropertyOptional({ type: RoleDaysDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoleDaysDto)
  byRole?: RoleDaysDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  closedChatsOnly?: boolean;
}

export class UpdateRetentionDto extends RetentionPolicyDto {
  @ApiPropertyOptional({ description: 'A legal hold on the whole account suspends deletion' })
  @IsOptional()
  @IsBoolean()
  legalHold?: boolean;
}

export class RetentionViewQueryDto {
  @ApiPropertyOptional({ enum: RETENTION_VIEWS })
  @IsIn(RETENTION_VIEWS)
  view: RetentionView;
}

export class RetentionBulkDto {
  @IsIn(RETENTION_BULK_ACTIONS)
  action: RetentionBulkAction;

  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  ids: string[];

  @ApiPropertyOptional({ description: 'For extend: keep at least this many days from now' })
  @ValidateIf((o: RetentionBulkDto) => o.action === 'extend')
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  days?: number;
}

export class LegalHoldDto {
  @IsBoolean()
  hold: boolean;
}
