import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountDto } from '@satchel/contracts';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { checkAccountCreate, enforce, policyActorOf } from '../users/user-change-policy';
import { toAccountDto } from './account.mapper';
import { AccountsService } from './accounts.service';
import { CreateAccountDto } from './dto/create-account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** The platform owner creates a tenant with its first admin. */
  @Allow('owner')
  @Post('accounts')
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    enforce(checkAccountCreate(policyActorOf(p)));
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
  current(@CurrentPrincipal() p: Principal): Promise<AccountDto> {
    return this.accounts.get(p.accountId);
  }
}
