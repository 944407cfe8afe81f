import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApiTokenDto, CreatedApiTokenResponse } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { AuthService } from './auth.service';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { ClientIp } from '../common/http/client-ip';

@ApiTags('api-tokens')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/api-tokens')
export class ApiTokensController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<ApiTokenDto[]> {
    return this.auth.listApiTokens(principal.accountId);
  }

  /** The secret is in the response once and never again. */
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenResponse> {
    return this.auth.createApiToken({ principal, ip }, dto.name);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.auth.revokeApiToken({ principal, ip }, id);
  }
}
