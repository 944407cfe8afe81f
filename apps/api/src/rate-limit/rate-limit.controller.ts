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
  settings(@CurrentPrincipal() p: Principal): Promise<RateLimitSettingsResponse> {
    return this.limits.settings(p.accountId);
  }

  @Put('settings/rate-limits')
  update(
    @CurrentPrincipal() p: Principal,
    @Body() dto: UpdateRateLimitsDto,
  ): Promise<RateLimitSettingsResponse> {
    return this.limits.updateOverrides(p.accountId, dto.overrides);
  }

  /** Login lockouts in force (an admin sees their account's users; the owner every one, IPs too). */
  @Get('security/lockouts')
  async lockouts(@CurrentPrincipal() p: Principal): Promise<LockoutsResponse> {
    return { items: await this.logins.list(p) };
  }

  @Delete('security/lockouts/:key')
  @HttpCode(204)
  clear(@CurrentPrincipal() p: Principal, @Param('key') key: string): Promise<void> {
    return this.logins.clear(p, key);
  }
}
