import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EffectiveUploadRule, UploadSettings } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { UpdateUploadSettingsDto } from './dto/upload-settings.dto';
import { UploadSettingsService } from './upload-settings.service';

@ApiTags('upload settings')
@ApiBearerAuth()
@Controller('v1')
export class UploadSettingsController {
  constructor(private readonly settings: UploadSettingsService) {}

  @Allow(...ADMINS)
  @Get('settings/uploads')
  get(@CurrentPrincipal() principal: Principal): Promise<UploadSettings> {
    return this.settings.get(principal.accountId);
  }

  @Allow(...ADMINS)
  @Put('settings/uploads')
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateUploadSettingsDto,
  ): Promise<UploadSettings> {
    return this.settings.update({ principal, ip }, dto);
  }

  /**
   * The rule that applies to the caller (platform, account, role, their groups), with which level
   * decided each part, so clients can check files before sending and say why one is refused.
   */
  @Allow(...STAFF, 'visitor')
  @Get('uploads/rules')
  async rules(@CurrentPrincipal() principal: Principal): Promise<EffectiveUploadRule> {
    return (await this.settings.forUploader(principal)).rule;
  }
}
