import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PreviewSize } from '@satchel/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class PreviewQueryDto {
  @ApiPropertyOptional({ enum: ['small', 'large'], default: 'small' })
  @IsOptional()
  @IsIn(['small', 'large'])
  size?: PreviewSize;

  @ApiPropertyOptional({ description: 'Signature of a signed preview URL' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  sig?: string;
}
