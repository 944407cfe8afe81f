import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppearanceSettings } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { AppearanceService } from './appearance.service';
import { UpdateAppearanceDto, UploadAvatarDto } from './dto/appearance.dto';

@ApiTags('appearance')
@ApiBearerAuth()
@Controller('v1/settings/appearance')
export class AppearanceController {
  constructor(private readonly appearance: AppearanceService) {}

  @Allow(...ADMINS)
  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<AppearanceSettings> {
    return this.appearance.get(principal.accountId);
  }

  @Allow(...ADMINS)
  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateAppearanceDto,
  ): Promise<AppearanceSettings> {
    return this.appearance.update({ principal, ip }, dto);
  }

  @Allow(...ADMINS)
  @Put('avatar')
  setAvatar(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UploadAvatarDto,
  ): Promise<AppearanceSettings> {
    return this.appearance.setAvatar({ principal, ip }, dto.dataUrl);
  }

  @Allow(...ADMINS)
  @Delete('avatar')
  removeAvatar(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<AppearanceSettings> {
    return this.appearance.removeAvatar({ principal, ip });
  }

  /** A new identity secret: hashes made with the old one stop verifying. */
  @Allow(...ADMINS)
  @Post('identity-secret/rotate')
  @HttpCode(200)
  rotate(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<AppearanceSettings> {
    return this.appearance.rotateIdentitySecret({ principal, ip });
  }
}
