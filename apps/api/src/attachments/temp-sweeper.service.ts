import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { TempFilesRepository } from './temp-files.repository';
import { uploadTempDirs } from './upload/temp-dirs';

const ORPHAN_SWEEP_SLACK_MS = 1000;

/**
 * Deletes upload temp files left by a crash or a kill (a live upload touches its file with every
 * chunk and is cut after UPLOAD_STALL_TIMEOUT_MS without one). Temp folders are local to each
 * process's machine, so every process sweeps its own on a timer instead of a shared BullMQ job.
 */
@Injectable()
export class TempSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('TempSweeper');
  private timer?: NodeJS.Timeout;
  private orphanTimer?: NodeJS.Timeout;

  constructor(
    private readonly files: TempFilesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.temp.sweepIntervalMinutes * 60_000);
    this.timer.unref();
    // After a crash: a file untouched for twice the stall timeout belongs to no live upload (those are
    // cut after one), so the partial file of the upload the crash interrupted goes as soon as that holds.
    const orphanAgeMs = 2 * this.config.uploads.stall.ms;
    this.orphanTimer = setTimeout(() => void this.sweep(orphanAgeMs), orphanAgeMs + ORPHAN_SWEEP_SLACK_MS);
    this.orphanTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    clearTimeout(this.orphanTimer);
  }

  /** Never throws: a failed sweep is logged and tried again next time. */
  async sweep(maxAgeMs = this.config.temp.maxAgeMinutes * 60_000): Promise<number> {
    const cutoff = new Date(Date.now() - maxAgeMs);
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
