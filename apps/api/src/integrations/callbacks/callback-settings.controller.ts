import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CallbackSettings, CallbackSettingsWithSecret, TestResult } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { CallbackSettingsService } from './callback-settings.service';
import { CallbackTestDto, UpdateCallbackSettingsDto } from './dto/callback-settings.dto';
import { RateLimit } from '../../rate-limit/rate-limit.guard';
import { ClientIp } from '../../common/http/client-ip';

@ApiTags('integrations')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/settings/callback')
export class CallbackSettingsController {
  constructor(private readonly settings: CallbackSettingsService) {}

  @Get()
  get(@CurrentPrincipal() p: Principal): Promise<CallbackSettings> {
    return this.settings.get(p.accountId);
  }

  /** The response carries `secret` only when this call generated the first one. */
  @Put()
  update(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateCallbackSettingsDto,
  ): Promise<CallbackSettingsWithSecret> {
    return this.settings.update({ principal: p, ip }, dto);
  }

  @Post('rotate-secret')
  @HttpCode(200)
  rotate(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
  ): Promise<CallbackSettingsWithSecret> {
    return this.settings.rotateSecret({ principal: p, ip });
  }

  @Post('test')
  @RateLimit('integration_test')
  @HttpCode(200)
  test(@CurrentPrincipal() p: Principal, @Body() dto: CallbackTestDto): Promise<TestResult> {
    return this.settings.test(p.accountId, dto.url);
  }
}
