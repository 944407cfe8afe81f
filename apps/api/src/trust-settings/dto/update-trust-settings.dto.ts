import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ActiveContentPolicy, ScanFailMode } from '@satchel/contracts';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class UpdateTrustSettingsDto {
  @ApiPropertyOptional({ description: 'Encrypt new files at rest (existing ones keep their state)' })
  @IsOptional()
  @IsBoolean()
  encryptionAtRest?: boolean;

  @ApiPropertyOptional({
    enum: ['closed', 'open'],
    description: 'When clamd is down: refuse uploads, or store them unscanned',
  })
  @IsOptional()
  @IsIn(['closed', 'open'])
  scanFailMode?: ScanFailMode;

  @ApiPropertyOptional({
    enum: ['refuse', 'attachment'],
    description: 'PDF JavaScript, macros, SVG: refuse, or serve only as a download',
  })
  @IsOptional()
  @IsIn(['refuse', 'attachment'])
  activeContent?: ActiveContentPolicy;
}
