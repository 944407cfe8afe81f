import { ApiPropertyOptional } from '@nestjs/swagger';
import type { S3ExportTestRequest, UpdateS3ExportSettingsRequest } from '@satchel/contracts';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsHttpUrl } from '../../../common/validation/http-url';
import { ValidateUnlessNull } from '../../../common/validation/validate-unless-null';

export class UpdateS3ExportSettingsDto implements UpdateS3ExportSettingsRequest {
  @ApiPropertyOptional({ description: 'Seed 002 "Disable AWS S3 File Store"' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  accessKeyId?: string;
  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  secretAccessKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(64) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(255) bucket?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) folder?: string;
  @ApiPropertyOptional({ nullable: true, description: 'S3-compatible endpoint (MinIO, R2...)' })
  @IsOptional()
  @ValidateUnlessNull('endpoint')
  @IsHttpUrl()
  @MaxLength(2048)
  endpoint?: string | null;
}

export class S3ExportTestDto extends UpdateS3ExportSettingsDto implements S3ExportTestRequest {}
