import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TrustSettings } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { UpdateTrustSettingsDto } from './dto/update-trust-settings.dto';
import { TrustSettingsService } from './trust-settings.service';

@ApiTags('trust settings')
@ApiBearerAuth()
@Controller('v1/settings/trust')
export class TrustSettingsController {
  constructor(private readonly settings: TrustSettingsService) {}

  @Allow(...ADMINS)
  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<TrustSettings> {
    return this.settings.get(principal.accountId);
  }

  @Allow(...ADMINS)
  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateTrustSettingsDto,
  ): Promise<TrustSettings> {
    return this.settings.update({ principal, ip }, dto);
  }
}
