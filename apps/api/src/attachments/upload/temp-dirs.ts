import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { TEMP_SEGMENT } from '../../storage/storage-key';

/** Where seed 001 spools a file whose `session_id` comes after it. */
export function spoolDir(config: AppConfig): string {
  return join(config.dataDir, 'tmp', 'uploads');
}

/** Every local folder holding bytes of uploads in progress: the spool and the disk driver's temp. */
export function uploadTempDirs(config: AppConfig): string[] {
  const dirs = [spoolDir(config)];
  if (config.storage.driver === 'disk') dirs.push(join(resolve(config.storage.path), TEMP_SEGMENT));
  return dirs;
}
