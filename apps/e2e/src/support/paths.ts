import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const OUTPUT_DIR = join(WORKSPACE_ROOT, 'test-output');
export const SCREENSHOT_DIR = join(OUTPUT_DIR, 'screenshots');
export const LOG_DIR = join(OUTPUT_DIR, 'logs');
