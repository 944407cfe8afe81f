import { Injectable } from '@nestjs/common';
import type { Stats } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Local temp files of uploads: finds and deletes the ones nobody wrote to for a while. */
@Injectable()
export class TempFilesRepository {
  /** Deletes files in `dirs` (not below) last modified before `cutoff`; returns how many went. */
  async removeOlderThan(dirs: string[], cutoff: Date): Promise<number> {
    let removed = 0;
    for (const dir of dirs) {
      for (const name of await this.list(dir)) {
        const path = join(dir, name);
        const info = await this.statOf(path);
        if (!info?.isFile() || info.mtime >= cutoff) continue;
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Null when the file went away meanwhile (its upload finished). */
  private async statOf(path: string): Promise<Stats | null> {
    try {
      return await stat(path);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  private async list(dir: string): Promise<string[]> {
    try {
      return await readdir(dir);
    } catch (err) {
      if (isMissing(err)) return [];
      throw err;
    }
  }
}
