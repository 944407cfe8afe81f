import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { TempFilesRepository } from './temp-files.repository';
import { uploadTempDirs } from './upload/temp-dirs';

/**
 * Deletes upload temp files left by a crash or a kill (a live upload touches its file with every
 * chunk and is cut after UPLOAD_STALL_TIMEOUT_MS without one). Temp folders are local to each
 * process's machine, so every process sweeps its own on a timer instead of a shared BullMQ job.
 */
@Injectable()
export class TempSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('TempSweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly files: TempFilesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.temp.sweepIntervalMinutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Never throws: a failed sweep is logged and tried again next time. */
  async sweep(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.temp.maxAgeMinutes * 60_000);
    try {
      const removed = await this.files.removeOlderThan(uploadTempDirs(this.config), cutoff);
      if (removed) this.log.log(`Removed ${removed} stale upload temp file(s)`);
      return removed;
    } catch (err) {
      this.log.warn(`Temp sweep failed: ${(err as Error).message}`);
      return 0;
    }
  }
}
