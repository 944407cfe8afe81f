import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PreviewKinds, UploadRule } from '@satchel/contracts';
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

/** Any subset of the preview kinds; omitted ones keep their value. */
export class PreviewKindsPatchDto implements Partial<PreviewKinds> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() images?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() heic?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pdf?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() video?: boolean;
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

  @ApiPropertyOptional({ type: PreviewKindsPatchDto, description: 'Which kinds of file get previews' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewKindsPatchDto)
  previewKinds?: PreviewKindsPatchDto;
}
