import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { RealtimeModule } from '../realtime/realtime.module';
import { MailController } from './mail.controller';
import { MailJobsRepository } from './mail-jobs.repository';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { TeamSettingsRepository } from './team-settings.repository';
import { TranscriptsService } from './transcripts.service';

const CORE = [MailService, MailJobsRepository, TeamSettingsRepository, MailTransport, MailOutboxRepository];

/** Emails through SMTP (`SMTP_URL`) or the local outbox, notifications and transcripts. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.mail })],
  providers: CORE,
  exports: CORE,
})
export class MailModule {
  /** Controllers and listeners for API processes, the processor for workers (chats for transcripts). */
  static register(chats: DynamicModule, opts: { http: boolean; worker: boolean }): DynamicModule {
    return {
      module: MailFeaturesModule,
      imports: [MailModule, chats, RealtimeModule],
      controllers: opts.http ? [MailController] : [],
      providers: [
        NotificationsRepository,
        NotificationsService,
        TranscriptsService,
        ...(opts.worker ? [MailProcessor] : []),
      ],
    };
  }
}

@Module({})
export class MailFeaturesModule implements OnApplicationBootstrap {
  constructor(private readonly transport: MailTransport) {}

  onApplicationBootstrap(): void {
    new Logger('Mail').log(
      this.transport.enabled
        ? 'Emails are sent through SMTP_URL'
        : "SMTP_URL is not set: emails are written to the owner's outbox in the console (Outbox page)",
    );
  }
}
