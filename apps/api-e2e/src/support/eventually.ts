import { waitFor } from '@satchel/testing';

/** Polls `probe` every 250 ms until it returns something other than `false`; a throwing probe fails at once. */
export function eventually<T>(probe: () => Promise<T | false>, ms: number, what: string): Promise<T> {
  return waitFor(what, async () => ((v) => (v === false ? undefined : v))(await probe()), ms, 250, false);
}
