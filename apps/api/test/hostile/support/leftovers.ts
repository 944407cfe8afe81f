import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uploadTempDirs } from '../../../src/attachments/upload/temp-dirs';
import { attachmentRows, storedFiles } from '../../support/files';
import { waitFor } from '../../support/raw-upload';
import type { TestApp } from '../../support/test-app';

/** Files in the app's upload temp folders (spool and disk temp). */
export function tempFiles(t: TestApp): string[] {
  return uploadTempDirs(t.config).flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [],
  );
}

export interface Stored {
  rows: number;
  objects: string[];
}

/** Preview renditions of earlier, accepted images appear in the background: not leftovers. */
const RENDITION = /\.preview-(small|large)-[0-9a-f]+\.webp$/;

/** Attachment rows and storage objects (temp files and preview renditions not included) right now. */
export async function storedNow(t: TestApp): Promise<Stored> {
  return {
    rows: await attachmentRows(t),
    objects: storedFiles(t).filter((f) => !f.startsWith('.tmp/') && !RENDITION.test(f)),
  };
}

/**
 * Asserts a refused request left nothing: the same rows and objects as `before` and empty temp
 * folders. Cleanup may finish just after the answer (an aborted body), so temp files get a moment.
 */
export async function expectNothingStored(t: TestApp, before: Stored): Promise<void> {
  await waitFor(() => tempFiles(t).length === 0, 5000).catch(() => undefined);
  expect(tempFiles(t)).toEqual([]);
  expect(await storedNow(t)).toEqual(before);
}

/** Runs `work` and asserts it stored nothing. */
export async function storesNothing<T>(t: TestApp, work: () => Promise<T>): Promise<T> {
  const before = await storedNow(t);
  const result = await work();
  await expectNothingStored(t, before);
  return result;
}
