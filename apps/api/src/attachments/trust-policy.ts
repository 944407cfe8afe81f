import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ClamdSession } from '../scanning/clamd-client';
import { TrustSettingsService } from '../trust-settings/trust-settings.service';
import type { TrustChecks } from './upload/trust-inspector';

export interface UploadTrust {
  checks: TrustChecks;
  /** Encrypt this account's new objects at rest. */
  encrypt: boolean;
}

/** What an account's trust settings and the deployment's scanner ask of its next upload. */
@Injectable()
export class TrustPolicy {
  constructor(
    private readonly settings: TrustSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forAccount(accountId: string): Promise<UploadTrust> {
    const settings = await this.settings.stored(accountId);
    const { clamd, timeoutMs } = this.config.scanning;
    return {
      encrypt: settings.encryptionAtRest,
      checks: {
        activeContent: settings.activeContent,
        scanFailMode: settings.scanFailMode,
        openScan: clamd ? () => ClamdSession.open(clamd, timeoutMs) : undefined,
      },
    };
  }
}
