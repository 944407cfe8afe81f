import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MeResponse } from '@satchel/contracts';
import { Allow, CurrentPrincipal, Public } from '../common/auth/decorators';
import { ClientIp } from '../common/http/client-ip';
import type { Principal } from '../common/auth/principal';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, ip, dto.totpCode);
  }

  @ApiBearerAuth()
  @Allow('owner', 'admin', 'operator', 'api', 'visitor')
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.auth.me(principal);
  }

  @ApiBearerAuth()
  @Allow('owner', 'admin', 'operator')
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }
}
