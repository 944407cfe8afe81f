import { ApiProperty } from '@nestjs/swagger';
import type { UpdateRateLimitsRequest } from '@satchel/contracts';
import { IsObject } from 'class-validator';

export class UpdateRateLimitsDto implements UpdateRateLimitsRequest {
  @ApiProperty({
    description: 'Policy → `points/seconds` (e.g. `"100/60"`), or null to go back to the default',
    example: { upload_visitor: '100/60', message_chat: null },
  })
  @IsObject()
  overrides: Record<string, string | null>;
}
