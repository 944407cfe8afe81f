import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../auth/sessions.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetsRepository } from './password-resets.repository';
import { TeamController } from './team.controller';

/** Invitations and password resets by email. */
@Module({
  imports: [MailModule, UsersModule, SessionsModule, AuditModule],
  controllers: [TeamController],
  providers: [InvitationsService, InvitationsRepository, PasswordResetService, PasswordResetsRepository],
})
export class TeamModule {}
