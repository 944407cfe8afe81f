import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeliveryTargets, type DeliveryTarget, type EnabledAccount } from '../deliveries/delivery-targets';
import { CallbackSettingsRepository } from './callback-settings.repository';

/** Tells the deliveries core when an account's file callback is on (a URL and a signing secret). */
@Injectable()
export class CallbackDeliveryTarget implements DeliveryTarget, OnModuleInit {
  readonly kind = 'callback';

  constructor(
    private readonly targets: DeliveryTargets,
    private readonly settings: CallbackSettingsRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register(this);
  }

  async enabledFor(accountId: string): Promise<boolean> {
    const s = await this.settings.findCached(accountId);
    return Boolean(s?.enabled && s.url && s.secretSealed);
  }

  enabledAccounts(): Promise<EnabledAccount[]> {
    return this.settings.listEnabled();
  }
}
