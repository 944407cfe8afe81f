import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AccountsModule } from '../accounts/accounts.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MessageAttachmentsPortModule } from '../attachments/message-attachments-port.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ChatbotModule } from '../chatbot/chatbot.module';
import { FileRequestsPortModule } from '../chatbot/file-requests-port.module';
import { ChatsModule } from '../chats/chats.module';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DemoModule } from '../demo/demo.module';
import { HealthModule } from '../health/health.module';
import { InboxModule } from '../inbox/inbox.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { SearchModule } from '../search/search.module';
import { TextsModule } from '../texts/texts.module';
import { DeliveriesModule } from '../integrations/deliveries/deliveries.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { JobsModule } from '../jobs/jobs.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MailModule } from '../mail/mail.module';
import { OutboundModule } from '../outbound/outbound.module';
import { PreviewsModule } from '../previews/previews.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { RedisModule } from '../redis/redis.module';
import { RetentionModule } from '../retention/retention.module';
import { VisitorDataModule } from '../visitor-data/visitor-data.module';
import { StorageModule } from '../storage/storage.module';
import { TeamModule } from '../team/team.module';
import { ScanningModule } from '../scanning/scanning.module';
import { TrustSettingsModule } from '../trust-settings/trust-settings.module';
import { UploadSettingsModule } from '../upload-settings/upload-settings.module';
import { AppearanceModule } from '../appearance/appearance.module';
import { PasswordHasherModule } from '../users/password-hasher.module';
import { UsersModule } from '../users/users.module';

/** The whole application for one resolved configuration (database URL and secrets key set). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const http = config.runMode !== 'worker';
    const worker = config.runMode !== 'api';
    if (!config.database.url) throw new Error('AppModule needs a resolved database URL');
    // One instance, imported by reference: Nest 11 tells dynamic modules apart by object identity.
    const previews = PreviewsModule.register({ http, worker });
    const deliveries = DeliveriesModule.register({ http, worker });
    const messageAttachments = MessageAttachmentsPortModule.register(previews, deliveries);
    const chats = ChatsModule.register(messageAttachments, { http, worker });
    const attachments = AttachmentsModule.register(chats, messageAttachments);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config.database.url),
        EventEmitterModule.forRoot(),
        RedisModule.forRoot(config),
        JobsModule.forRoot(config, { worker }),
        MetricsModule.register({ http }),
        StorageModule.forRoot(config),
        OutboundModule,
        PasswordHasherModule,
        RateLimitModule,
        AuthModule,
        UsersModule,
        AccountsModule,
        RealtimeModule,
        FileRequestsPortModule,
        chats,
        AuditModule,
        UploadSettingsModule,
        TrustSettingsModule,
        attachments,
        ScanningModule.register(chats, attachments, { worker }),
        ChatbotModule.register(chats, { http }),
        IntegrationsModule.register(deliveries, { http, worker }),
        previews,
        TextsModule.register({ worker }),
        RetentionModule.register({ http, worker }),
        HealthModule,
        MailModule.register(chats, { http, worker }),
        TeamModule,
        ...(http
          ? [
              DemoModule,
              InboxModule.register(chats),
              ReceiptsModule.register(chats),
              SearchModule.register(chats, messageAttachments),
              AppearanceModule,
              VisitorDataModule,
            ]
          : []),
      ],
    };
  }
}
