import { AuditModule } from '../../audit/audit.module';
import { DynamicModule, Module } from '@nestjs/common';
import { ExportBucketRepository } from './export-bucket.repository';
import { S3ExportDeliveryTarget } from './s3-export-delivery-target';
import { S3ExportSecretCheck } from './s3-export-secret-check';
import { S3ExportSettingsController } from './s3-export-settings.controller';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';
import { S3ExportSettingsService } from './s3-export-settings.service';
import { S3ExportProcessor } from './s3-export.processor';

/** Seed 002's export of every stored file to the customer's S3 bucket. */
@Module({})
export class S3ExportModule {
  /** `deliveries`, `secrets`: the app's DeliveriesModule and IntegrationSecretsModule instances. */
  static register(
    deliveries: DynamicModule,
    secrets: DynamicModule,
    opts: { http: boolean; worker: boolean },
  ): DynamicModule {
    return {
      module: S3ExportModule,
      imports: [AuditModule, deliveries, secrets],
      controllers: opts.http ? [S3ExportSettingsController] : [],
      providers: [
        S3ExportSettingsRepository,
        S3ExportSettingsService,
        ExportBucketRepository,
        S3ExportDeliveryTarget,
        S3ExportSecretCheck,
        ...(opts.worker ? [S3ExportProcessor] : []),
      ],
    };
  }
}
