import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StorageQuotaDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { UpdateStorageQuotaDto } from './dto/storage-quota.dto';
import { StorageQuotaService } from './storage-quota.service';

@ApiTags('storage quota')
@ApiBearerAuth()
@Controller('v1')
export class StorageQuotaController {
  constructor(private readonly quotas: StorageQuotaService) {}

  /** The caller's account: its quota and what it uses now. */
  @Allow(...ADMINS)
  @Get('settings/quota')
  mine(@CurrentPrincipal() principal: Principal): Promise<StorageQuotaDto> {
    return this.quotas.get(principal.accountId);
  }

  @Allow('owner')
  @Get('accounts/:id/quota')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StorageQuotaDto> {
    return this.quotas.get(id);
  }

  /** Set by the platform owner. */
  @Allow('owner')
  @Put('accounts/:id/quota')
  set(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateStorageQuotaDto,
  ): Promise<StorageQuotaDto> {
    return this.quotas.set({ principal, ip }, id, {
      maxBytes: dto.maxBytes ?? null,
      maxFiles: dto.maxFiles ?? null,
    });
  }
}
