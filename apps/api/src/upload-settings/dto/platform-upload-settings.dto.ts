import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdatePlatformUploadSettingsRequest } from '@satchel/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { UploadRulePatchDto } from './upload-settings.dto';

export class UploadCeilingDto {
  @ApiPropertyOptional({ description: 'KB; at most MAX_UPLOAD_SIZE_KB' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxSizeKb?: number;
  @ApiPropertyOptional({ example: 'pdf|jpg|xlsx', nullable: true, description: 'null = any known type' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(1000)
  allowedTypes?: string | null;
}

export class UpdatePlatformUploadSettingsDto implements UpdatePlatformUploadSettingsRequest {
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
  @ApiPropertyOptional({ type: UploadCeilingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UploadCeilingDto)
  ceiling?: UploadCeilingDto;
}
