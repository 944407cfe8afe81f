import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConnectionStringResponse } from '@satchel/contracts';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ConnectionStringsService } from './connection-strings.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('realtime')
@ApiBearerAuth()
@Controller('v1/realtime')
export class RealtimeController {
  constructor(private readonly connections: ConnectionStringsService) {}

  /** An account-wide connection string for the operator inbox (connect without a chat id). */
  @Post('connection')
  @RateLimit('connection')
  @HttpCode(200)
  inbox(@CurrentPrincipal() principal: Principal): ConnectionStringResponse {
    return this.connections.issue(principal, null);
  }
}
