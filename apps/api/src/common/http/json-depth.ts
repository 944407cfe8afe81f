import { BadRequestError } from '../errors/domain-errors';

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Deepest nesting of objects and arrays in a JSON text, counted without recursion (strings skipped). */
export function jsonDepth(raw: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (OPEN.has(b)) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > stopAbove) break;
    } else if (CLOSE.has(b)) depth--;
  }
  return deepest;
}

/**
 * body-parser `verify` hook: refuses JSON nested deeper than `max` before it is parsed. Deep nesting
 * is never a real request and overflows the stack of recursive walkers downstream (a 500).
 */
export function limitJsonDepth(max: number): (req: unknown, res: unknown, raw: Buffer) => void {
  return (_req, _res, raw) => {
    if (jsonDepth(raw, max) > max) {
      throw new BadRequestError(`The request body is nested more than ${max} levels deep`, {
        code: 'BODY_TOO_DEEP',
      });
    }
  };
}
