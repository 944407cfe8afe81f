import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ScannerUnavailableError } from './clamd-client';
import { RescanService } from './rescan.service';

/**
 * Every RESCAN_INTERVAL_MS, scans the files stored `unscanned` while clamd was down. The rows are
 * the queue (a scan is idempotent), so several processes may run it at once harmlessly.
 */
@Injectable()
export class RescanScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Rescan');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly rescan: RescanService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.rescan.available) return;
    this.timer = setInterval(() => void this.tick(), this.config.scanning.rescanIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Never throws: clamd still down is the normal case while it is down. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { scanned, infected } = await this.rescan.rescanUnscanned();
      if (scanned) this.log.log(`Rescanned ${scanned} file(s), ${infected} infected`);
    } catch (err) {
      if (!(err instanceof ScannerUnavailableError))
        this.log.warn(`Rescan failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
