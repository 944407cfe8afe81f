import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeliveryTargets, type DeliveryTarget, type EnabledAccount } from '../deliveries/delivery-targets';
import { S3ExportSettingsRepository } from './s3-export-settings.repository';

/** Tells the deliveries core when an account's S3 export is on (not disabled, a bucket and keys). */
@Injectable()
export class S3ExportDeliveryTarget implements DeliveryTarget, OnModuleInit {
  readonly kind = 'export';

  constructor(
    private readonly targets: DeliveryTargets,
    private readonly settings: S3ExportSettingsRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register(this);
  }

  async enabledFor(accountId: string): Promise<boolean> {
    const s = await this.settings.findCached(accountId);
    return Boolean(s && !s.disabled && s.bucket && s.secretAccessKeySealed);
  }

  enabledAccounts(): Promise<EnabledAccount[]> {
    return this.settings.listEnabled();
  }
}
