import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LockoutsResponse, RateLimitSettingsResponse } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UpdateRateLimitsDto } from './dto/rate-limits.dto';
import { LoginThrottle } from './login-throttle.service';
import { RateLimitService } from './rate-limit.service';

@ApiTags('security')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1')
export class RateLimitController {
  constructor(
    private readonly limits: RateLimitService,
    private readonly logins: LoginThrottle,
  ) {}

  /** Every rate limit with its default, this account's override and the value in force. */
  @Get('settings/rate-limits')
  settings(@CurrentPrincipal() principal: Principal): Promise<RateLimitSettingsResponse> {
    return this.limits.settings(principal.accountId);
  }

  @Put('settings/rate-limits')
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateRateLimitsDto,
  ): Promise<RateLimitSettingsResponse> {
    return this.limits.updateOverrides(principal.accountId, dto.overrides);
  }

  /** Login lockouts in force (an admin sees their account's users; the owner every one, IPs too). */
  @Get('security/lockouts')
  async lockouts(@CurrentPrincipal() principal: Principal): Promise<LockoutsResponse> {
    return { items: await this.logins.list(principal) };
  }

  @Delete('security/lockouts/:key')
  @HttpCode(204)
  clear(@CurrentPrincipal() principal: Principal, @Param('key') key: string): Promise<void> {
    return this.logins.clear(principal, key);
  }
}
