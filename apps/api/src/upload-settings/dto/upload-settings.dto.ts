import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PhotoCompression, PreviewKinds, UploadRule } from '@satchel/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

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

/** Any subset of one role's photo compression; omitted fields keep their value. */
export class PhotoCompressionPatchDto implements Partial<PhotoCompression> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'Longer side in pixels after resizing' })
  @IsOptional()
  @IsInt()
  @Min(320)
  @Max(16384)
  maxDimensionPx?: number;
  @ApiPropertyOptional({ description: 'JPEG/WebP quality, 1–100' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quality?: number;
}

export class PhotoCompressionByRoleDto {
  @ApiPropertyOptional({ type: PhotoCompressionPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhotoCompressionPatchDto)
  visitor?: PhotoCompressionPatchDto;
  @ApiPropertyOptional({ type: PhotoCompressionPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhotoCompressionPatchDto)
  operator?: PhotoCompressionPatchDto;
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

  @ApiPropertyOptional({ type: PhotoCompressionByRoleDto, description: 'Photos compressed in the browser' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhotoCompressionByRoleDto)
  photoCompression?: PhotoCompressionByRoleDto;
}
