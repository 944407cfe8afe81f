import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InboxSettings } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { UpdateInboxSettingsDto } from './dto/inbox-settings.dto';
import { InboxSettingsService } from './inbox-settings.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('v1/settings/inbox')
export class InboxSettingsController {
  constructor(private readonly settings: InboxSettingsService) {}

  @Allow(...ADMINS)
  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<InboxSettings> {
    return this.settings.get(principal.accountId);
  }

  @Allow(...ADMINS)
  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateInboxSettingsDto,
  ): Promise<InboxSettings> {
    return this.settings.update({ principal, ip }, dto);
  }
}
