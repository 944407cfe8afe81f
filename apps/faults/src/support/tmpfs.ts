import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallVolume {
  path: string;
  remove(): void;
}

/** Mounting needs root: CI runs as root; elsewhere the disk-full case is skipped with a note. */
export const canMount = process.getuid?.() === 0;

/** A tmpfs of `size` (e.g. "8m"): a volume that really fills up and answers ENOSPC. */
export function mountSmallVolume(size: string): SmallVolume {
  const path = mkdtempSync(join(tmpdir(), 'satchel-faults-vol-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  return {
    path,
    remove: () => {
      execFileSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
