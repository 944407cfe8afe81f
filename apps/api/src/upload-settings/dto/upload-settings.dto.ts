import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UploadRule } from '@satchel/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

/** Any subset of one role's rule; omitted fields keep their value. */
export class UploadRulePatchDto implements Partial<UploadRule> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: 'pdf|xlsx', description: 'Pipe-delimited extensions (seed 002)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  allowedTypes?: string;
  @ApiPropertyOptional({ description: 'KB = 1024 bytes; at most the platform ceiling' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxSizeKb?: number;
}

export class UpdateUploadSettingsDto {
  @ApiPropertyOptional({ type: UploadRulePatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UploadRulePatchDto)
  visitor?: UploadRulePatchDto;
  @ApiPropertyOptional({ type: UploadRulePatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UploadRulePatchDto)
  operator?: UploadRulePatchDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() accessTokenRequired?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() loggingEnabled?: boolean;
  @ApiPropertyOptional({ description: 'Previews of new image files' })
  @IsOptional()
  @IsBoolean()
  generateThumbnails?: boolean;
}
