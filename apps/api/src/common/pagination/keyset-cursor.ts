import { ValidationError } from '../errors/domain-errors';

/**
 * An opaque keyset position: the sort it belongs to, the last row's sort value (as PostgreSQL
 * printed it, so timestamps keep their microseconds) and its id as the tie-breaker.
 */
export interface KeysetCursor {
  sort: string;
  order: 'ASC' | 'DESC';
  value: string;
  id: string;
}

/** What a sort value may look like, checked before it reaches SQL (a forged one is a 400, not a 500). */
const TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d{1,6})?([+-]\d\d)(:\d\d)?$/;

export const CURSOR_VALUES = {
  timestamp: (v: string) => {
    const m = TIMESTAMP.exec(v);
    const iso = m && `${m[1]}T${m[2]}${(m[3] ?? '').slice(0, 4)}${m[4]}${m[5] ?? ':00'}`;
    return !!iso && !Number.isNaN(Date.parse(iso)) && isCalendarDay(m[1]);
  },
  integer: (v: string) => /^-?\d{1,18}$/.test(v),
  text: (v: string) => v.length <= 1000 && !v.includes('\u0000'),
} as const;

/** Date.parse accepts 2026-02-30; PostgreSQL does not. */
function isCalendarDay(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.value, cursor.id])).toString(
    'base64url',
  );
}

/** Decodes a cursor made for this sort and order; anything else is a 400, never a 500. */
export function decodeCursor(
  raw: string,
  sort: string,
  order: 'ASC' | 'DESC',
  valid: (value: string) => boolean,
): KeysetCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== 4) throw invalid();
  const [s, o, value, id] = parts as unknown[];
  if (s !== sort || o !== order) throw new ValidationError('The cursor belongs to another sort', 'cursor');
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  if (typeof value !== 'string' || !valid(value)) throw invalid();
  return { sort, order, value, id };
}

const invalid = () => new ValidationError('The cursor is malformed', 'cursor');

/** Where a list whose body stays a plain array (for older clients) puts the next page's cursor. */
export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';
