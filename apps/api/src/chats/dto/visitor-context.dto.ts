import { ApiPropertyOptional } from '@nestjs/swagger';
import type { VisitorContext } from '@satchel/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** What the widget tells about the visitor's page and browser; every field optional and capped. */
export class VisitorContextDto implements VisitorContext {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) pageUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) pageTitle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) referrer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) userAgent?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) browser?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) os?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(35) language?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) localTime?: string;
}
