import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MailOutboxItemDto, NotificationPrefsDto, TeamSettingsDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { checkAccountSettingsChange, enforce, policyActorOf } from '../users/user-change-policy';
import { NotificationPrefsBody, UpdateTeamSettingsDto, VisitorEmailDto } from './dto/mail.dto';
import { MailOutboxRepository } from './mail-outbox.repository';
import { TeamSettingsRepository } from './team-settings.repository';
import { TranscriptsService } from './transcripts.service';

const OUTBOX_LIMIT = 200;

@ApiTags('mail')
@ApiBearerAuth()
@Controller('v1')
export class MailController {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly settings: TeamSettingsRepository,
    private readonly transcripts: TranscriptsService,
  ) {}

  /** Emails written locally because SMTP_URL is unset: the platform owner reads them here. */
  @Allow('owner')
  @Get('mail/outbox')
  list(): Promise<MailOutboxItemDto[]> {
    return this.outbox.list(OUTBOX_LIMIT);
  }

  @Allow(...ADMINS)
  @Get('settings/team')
  team(@CurrentPrincipal() principal: Principal): Promise<TeamSettingsDto> {
    return this.settings.get(principal.accountId);
  }

  /** Email language, two-factor sign-in for everyone, transcripts to visitors on close. */
  @Allow(...ADMINS)
  @Put('settings/team')
  async updateTeam(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateTeamSettingsDto,
  ): Promise<TeamSettingsDto> {
    enforce(checkAccountSettingsChange(policyActorOf(principal), principal.accountId));
    const given = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    const next = { ...(await this.settings.get(principal.accountId)), ...given };
    await this.settings.save(principal.accountId, next);
    return next;
  }

  @Allow('owner', 'admin', 'operator')
  @Get('me/notifications')
  prefs(@CurrentPrincipal() principal: Principal): Promise<NotificationPrefsDto> {
    return this.settings.prefs(userIdOf(principal));
  }

  @Allow('owner', 'admin', 'operator')
  @Put('me/notifications')
  async savePrefs(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: NotificationPrefsBody,
  ): Promise<NotificationPrefsDto> {
    await this.settings.savePrefs(userIdOf(principal), { emailWhenOffline: dto.emailWhenOffline });
    return this.settings.prefs(userIdOf(principal));
  }

  /** Where the transcript goes when the chat closes (if the account sends transcripts). */
  @Allow(...STAFF, 'visitor')
  @Put('chats/:id/visitor-email')
  @HttpCode(204)
  visitorEmail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VisitorEmailDto,
  ): Promise<void> {
    return this.transcripts.setVisitorEmail(principal, id, dto.email);
  }
}

function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user')
    throw new ForbiddenError('Only signed-in staff have notification preferences');
  return principal.userId;
}
