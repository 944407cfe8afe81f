import { ApiPropertyOptional } from '@nestjs/swagger';
import type { InboxSettings } from '@satchel/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

/** Any subset; omitted fields keep their value. */
export class UpdateInboxSettingsDto implements Partial<InboxSettings> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reopenOnVisitorMessage?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() autoAssign?: boolean;
}
