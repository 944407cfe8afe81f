import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CallbackSettings, CallbackSettingsWithSecret, TestResult } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { CallbackSettingsService } from './callback-settings.service';
import { CallbackTestDto, UpdateCallbackSettingsDto } from './dto/integrations.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

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
    @Body() dto: UpdateCallbackSettingsDto,
  ): Promise<CallbackSettingsWithSecret> {
    return this.settings.update(p.accountId, dto);
  }

  @Post('rotate-secret')
  @HttpCode(200)
  rotate(@CurrentPrincipal() p: Principal): Promise<CallbackSettingsWithSecret> {
    return this.settings.rotateSecret(p.accountId);
  }

  @Post('test')
  @RateLimit('integration_test')
  @HttpCode(200)
  test(@CurrentPrincipal() p: Principal, @Body() dto: CallbackTestDto): Promise<TestResult> {
    return this.settings.test(p.accountId, dto.url);
  }
}
