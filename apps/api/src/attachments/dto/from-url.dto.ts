import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FromUrlOAuth, FromUrlUploadRequest } from '@satchel/contracts';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const PRINTABLE = /^[\x21-\x7e]+$/;

/** A bearer token, or client credentials for the token endpoint (through the SSRF guard). */
export class FromUrlOAuthDto implements FromUrlOAuth {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  @Matches(PRINTABLE)
  accessToken?: string;
  @ApiPropertyOptional({ default: 'Bearer' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z]+$/)
  tokenType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) tokenUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) clientId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) clientSecret?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) scope?: string;
}

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
  @ApiPropertyOptional({ description: 'Seed 003: the channel of the conversation, stored with the file' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  channel?: string;
  @ApiPropertyOptional({ type: () => FromUrlOAuthDto, description: 'Seed 003: credentials for sourceUrl' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FromUrlOAuthDto)
  oauth?: FromUrlOAuthDto;
  @ApiPropertyOptional({ description: 'Seed 003: 360dialog key, sent to the source as D360-API-KEY' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/^[\x21-\x7e]+$/, { message: 'APIKey360 must be printable ASCII without spaces' })
  APIKey360?: string;
}
