import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import {
  checkAccountCreate,
  checkAccountSettingsChange,
  enforce,
  policyActorOf,
} from '../users/user-change-policy';
import { toAccountDto } from './account.mapper';
import { AccountsService } from './accounts.service';
import { CreateAccountDto } from './dto/create-account.dto';
import { UpdateAccountDto } from './dto/update-account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** The platform owner creates a tenant with its first admin. */
  @Allow('owner')
  @Post('accounts')
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    enforce(checkAccountCreate(policyActorOf(principal)));
    return toAccountDto(await this.accounts.create(dto));
  }

  @Allow('owner')
  @Get('accounts')
  list(): Promise<AccountDto[]> {
    return this.accounts.list();
  }

  /** The caller's own account, with its public widget key. */
  @Allow(...STAFF)
  @Get('account')
  current(@CurrentPrincipal() principal: Principal): Promise<AccountDto> {
    return this.accounts.get(principal.accountId);
  }

  /**
   * The account's allowed domains (the widget is refused on other origins) and search language
   * (admins).
   */
  @Allow(...ADMINS)
  @Patch('account')
  async update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountDto> {
    enforce(checkAccountSettingsChange(policyActorOf(principal), principal.accountId));
    const ctx = { principal, ip };
    if (dto.allowedOrigins !== undefined) await this.accounts.setAllowedOrigins(ctx, dto.allowedOrigins);
    if (dto.searchLanguage !== undefined) await this.accounts.setSearchLanguage(ctx, dto.searchLanguage);
    return this.accounts.get(principal.accountId);
  }

  /** A new widget key (admins): pages with the old key start no new chat. */
  @Allow(...ADMINS)
  @Post('account/widget-key/rotate')
  @HttpCode(200)
  rotateWidgetKey(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<AccountDto> {
    enforce(checkAccountSettingsChange(policyActorOf(principal), principal.accountId));
    return this.accounts.rotateWidgetKey({ principal, ip });
  }
}
