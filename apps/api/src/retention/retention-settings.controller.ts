import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RetentionDryRunDto, RetentionSettingsDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RetentionPolicyDto, UpdateRetentionDto } from './dto/retention.dto';
import { RetentionSettingsService } from './retention-settings.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/settings/retention')
export class RetentionSettingsController {
  constructor(private readonly settings: RetentionSettingsService) {}

  @Allow(...ADMINS)
  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<RetentionSettingsDto> {
    return this.settings.get(principal.accountId);
  }

  @Allow(...ADMINS)
  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateRetentionDto,
  ): Promise<RetentionSettingsDto> {
    return this.settings.update({ principal, ip }, dto);
  }

  /** What this policy would remove now, without saving it. */
  @Allow(...ADMINS)
  @Post('dry-run')
  @HttpCode(200)
  dryRun(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: RetentionPolicyDto,
  ): Promise<RetentionDryRunDto> {
    return this.settings.dryRun(principal.accountId, dto);
  }
}
