import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PlatformUploadSettings } from '@satchel/contracts';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { UpdatePlatformUploadSettingsDto } from './dto/platform-upload-settings.dto';
import { PlatformUploadSettingsService } from './platform-upload-settings.service';

/** The platform owner's defaults and ceilings for every account. */
@ApiTags('upload settings')
@ApiBearerAuth()
@Allow('owner')
@Controller('v1/platform/upload-settings')
export class PlatformUploadSettingsController {
  constructor(private readonly platform: PlatformUploadSettingsService) {}

  @Get()
  get(): Promise<PlatformUploadSettings> {
    return this.platform.get();
  }

  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdatePlatformUploadSettingsDto,
  ): Promise<PlatformUploadSettings> {
    return this.platform.update({ principal, ip }, dto);
  }
}
