import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InvitationDto, InvitationPreview, UserDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  PasswordResetConfirmDto,
  PasswordResetDto,
} from './dto/team.dto';
import { InvitationsService } from './invitations.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('team')
@Controller('v1')
export class TeamController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetService,
  ) {}

  @ApiBearerAuth()
  @Allow(...ADMINS)
  @Post('invitations')
  invite(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateInvitationDto,
    @ClientIp() ip: string | null,
  ): Promise<InvitationDto> {
    return this.invitations.create(principal, dto, ip);
  }

  @ApiBearerAuth()
  @Allow(...ADMINS)
  @Get('invitations')
  list(@CurrentPrincipal() principal: Principal): Promise<InvitationDto[]> {
    return this.invitations.list(principal);
  }

  /** A new link (the previous one stops working) with a new expiry. */
  @ApiBearerAuth()
  @Allow(...ADMINS)
  @Post('invitations/:id/resend')
  @HttpCode(200)
  resend(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @ClientIp() ip: string | null,
  ): Promise<InvitationDto> {
    return this.invitations.resend(principal, id, ip);
  }

  @ApiBearerAuth()
  @Allow(...ADMINS)
  @Delete('invitations/:id')
  @HttpCode(204)
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @ClientIp() ip: string | null,
  ): Promise<void> {
    return this.invitations.revoke(principal, id, ip);
  }

  /** What the accept page shows; 410 when the link expired, was revoked or used. */
  @Public()
  @RateLimit('password_reset_ip')
  @Get('invitations/by-token/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @RateLimit('password_reset_ip')
  @Post('invitations/:token/accept')
  accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @ClientIp() ip: string | null,
  ): Promise<UserDto> {
    return this.invitations.accept(token, dto, ip);
  }

  /** Always 202 with the same body: whether the address has an account is not revealed. */
  @Public()
  @RateLimit('password_reset_ip')
  @Post('auth/password-reset')
  @HttpCode(202)
  requestReset(@Body() dto: PasswordResetDto): { message: string } {
    this.resets.request(dto.email);
    return { message: 'If this address has an account, a reset link is on its way.' };
  }

  @Public()
  @RateLimit('password_reset_ip')
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  confirmReset(@Body() dto: PasswordResetConfirmDto, @ClientIp() ip: string | null): Promise<void> {
    return this.resets.confirm(dto.token, dto.password, ip);
  }
}
