import { ApiPropertyOptional } from '@nestjs/swagger';
import type { VisitorContext } from '@satchel/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const text = (max: number) => [IsOptional(), IsString(), MaxLength(max)];

/** What the widget tells about the visitor's page and browser; every field optional and capped. */
export class VisitorContextDto implements VisitorContext {
  @ApiPropertyOptional() @applyAll(text(2000)) pageUrl?: string;
  @ApiPropertyOptional() @applyAll(text(300)) pageTitle?: string;
  @ApiPropertyOptional() @applyAll(text(2000)) referrer?: string;
  @ApiPropertyOptional() @applyAll(text(500)) userAgent?: string;
  @ApiPropertyOptional() @applyAll(text(100)) browser?: string;
  @ApiPropertyOptional() @applyAll(text(100)) os?: string;
  @ApiPropertyOptional() @applyAll(text(35)) language?: string;
  @ApiPropertyOptional() @applyAll(text(64)) timeZone?: string;
  @ApiPropertyOptional() @applyAll(text(40)) localTime?: string;
}

function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
