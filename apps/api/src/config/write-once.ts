import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Creates `file` with `content` unless it exists, and returns what the file holds. The content is
 * written whole under a temporary name, then linked into place: of several processes starting
 * together exactly one wins, and the others read its file complete (never empty or half-written).
 */
export function writeOnce(file: string, content: string): string {
  const draft = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return content;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(file, 'utf8');
  } finally {
    unlinkSync(draft);
  }
}
