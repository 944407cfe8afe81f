import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TotpConfirmResponse, TotpEnrolment, TotpStatus } from '@satchel/contracts';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { UsersRepository } from '../users/users.repository';
import { TotpCodeDto } from './dto/totp.dto';
import { TotpService } from './totp.service';

/** The signed-in user's own two-factor sign-in. */
@ApiTags('auth')
@ApiBearerAuth()
@Allow('owner', 'admin', 'operator')
@Controller('v1/auth/totp')
export class TotpController {
  constructor(
    private readonly totp: TotpService,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  async status(@CurrentPrincipal() principal: Principal): Promise<TotpStatus> {
    return this.totp.status(await this.me(principal));
  }

  /** A new secret as an otpauth URI and QR code; confirmed by the first valid code. */
  @Post('enrol')
  async enrol(@CurrentPrincipal() principal: Principal): Promise<TotpEnrolment> {
    return this.totp.enrol(await this.me(principal));
  }

  /** Turns two-factor sign-in on; the recovery codes are shown once. */
  @Post('confirm')
  @HttpCode(200)
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: TotpCodeDto,
  ): Promise<TotpConfirmResponse> {
    return this.totp.confirm(await this.me(principal), dto.code);
  }

  @Delete()
  @HttpCode(204)
  async disable(@CurrentPrincipal() principal: Principal, @Body() dto: TotpCodeDto): Promise<void> {
    await this.totp.disable(await this.me(principal), dto.code);
  }

  private async me(principal: Principal) {
    if (principal.kind !== 'user') throw new ForbiddenError('Only signed-in staff have two-factor sign-in');
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }
}
