import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<UserDto[]> {
    return this.users.list(principal.accountId);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(principal.accountId, id);
  }

  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: CreateUserDto,
  ): Promise<UserDto> {
    return this.users.create(principal, dto, ip);
  }

  /**
   * Rename, change email or role, deactivate (`active: false`) or reset the password. Operators may
   * call it for their own name, email and password; the user-change policy decides every field.
   */
  @Allow('owner', 'admin', 'operator')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @ClientIp() ip: string | null,
  ): Promise<UserDto> {
    return this.users.update(principal, id, dto, ip);
  }

  /** Removes a person (audited): sessions end and sockets close at once; past messages keep their name. */
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    return this.users.remove(principal, id, ip);
  }
}
