import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FromUrlUploadRequest } from '@satchel/contracts';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class FromUrlUploadDto implements FromUrlUploadRequest {
  @ApiProperty({ example: 'https://example.com/report.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  sourceUrl: string;
  @ApiPropertyOptional({ description: 'Defaults to the last segment of the URL' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  fileName?: string;
  @ApiPropertyOptional({
    description: 'A hint for the extension when the name has none; the stored type is detected',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  mimeType?: string;
  @ApiPropertyOptional({ description: 'Seed 003 spelling of mimeType' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  mime_type?: string;
  @ApiPropertyOptional({ description: 'Seed 003 field; accepted and ignored (the chat is in the path)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  conversationId?: string;
  @ApiPropertyOptional({ description: 'Seed 003 field; accepted and ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  channel?: string;
}
