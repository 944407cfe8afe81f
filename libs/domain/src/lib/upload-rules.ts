import { knownFileType } from './file-types';
import { extensionOf } from './file-names';

export const DEFAULT_ALLOWED_TYPES = 'jpg|jpeg|png|gif|heic|heif|pdf|doc|docx|xls|xlsx';
export const DEFAULT_MAX_SIZE_KB = 5120;
export const KB = 1024;

export class InvalidTypeListError extends Error {
  constructor(readonly token: string) {
    super(
      token === ''
        ? 'allowedTypes must list at least one extension'
        : `Unknown file type "${token}" in allowedTypes`,
    );
  }
}

/**
 * Parses a pipe-delimited extension list (`pdf|xlsx`): case-insensitive, leading dots and spaces
 * tolerated, duplicates dropped. Throws `InvalidTypeListError` naming the first bad token.
 */
export function parseAllowedTypes(list: string): string[] {
  const tokens = list.split('|').map((tok) => tok.trim().replace(/^\.+/, '').trim().toLowerCase());
  const nonEmpty = tokens.filter((tok) => tok !== '');
  if (nonEmpty.length === 0) throw new InvalidTypeListError('');
  for (const tok of tokens) {
    if (tok === '' && tokens.length > 1) continue;
    if (!/^[a-z0-9]{1,10}$/.test(tok) || !knownFileType(tok)) throw new InvalidTypeListError(tok);
  }
  return [...new Set(nonEmpty)];
}

/** Canonical text form of a type list: `pdf|xlsx`. */
export function normalizeAllowedTypes(list: string): string {
  return parseAllowedTypes(list).join('|');
}

export interface RuleLike {
  enabled: boolean;
  allowedTypes: string;
  maxSizeKb: number;
}

export type RuleViolation =
  | { code: 'disabled'; message: string }
  | { code: 'type'; message: string }
  | { code: 'size'; message: string };

export function maxSizeBytes(rule: Pick<RuleLike, 'maxSizeKb'>): number {
  return rule.maxSizeKb * KB;
}

/** The first rule a file breaks before its content is read (size may be unknown until streamed). */
export function checkFileAgainstRule(
  rule: RuleLike,
  file: { name: string; size?: number },
  who: 'visitor' | 'operator',
): RuleViolation | null {
  const subject = who === 'visitor' ? 'visitors' : 'operators';
  if (!rule.enabled) return { code: 'disabled', message: `File uploads are disabled for ${subject}` };
  const ext = extensionOf(file.name);
  const allowed = parseAllowedTypes(rule.allowedTypes);
  if (!ext || !allowed.includes(ext)) {
    return {
      code: 'type',
      message: `${file.name}: file type ${ext ? `.${ext}` : '(none)'} is not allowed (allowed: ${allowed.join(', ')})`,
    };
  }
  if (file.size !== undefined && file.size > maxSizeBytes(rule)) return sizeViolation(file.name, rule);
  return null;
}

export function sizeViolation(name: string, rule: Pick<RuleLike, 'maxSizeKb'>): RuleViolation {
  return { code: 'size', message: `${name}: file is larger than the limit of ${rule.maxSizeKb} KB` };
}
