import type { VisitorAttributes } from './host-api';

const MAX_VALUE = 500;
const MAX_KEYS = 30;

/**
 * What `Satchel.identify()` may keep: plain string, number and boolean values (strings trimmed and
 * capped), at most 30 keys; anything else is dropped. Null when nothing usable remains.
 */
export function cleanAttributes(input: unknown): VisitorAttributes | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const out: VisitorAttributes = {};
  for (const [key, raw] of Object.entries(input as Record<string, unknown>).slice(0, MAX_KEYS)) {
    if (!/^[\w.-]{1,64}$/.test(key)) continue;
    if (typeof raw === 'string' && raw.trim()) out[key] = raw.trim().slice(0, MAX_VALUE);
    else if (typeof raw === 'number' && Number.isFinite(raw)) out[key] = raw;
    else if (typeof raw === 'boolean') out[key] = raw;
  }
  return Object.keys(out).length ? out : null;
}

/** The visitor's attributes, kept in this browser per widget key (the pre-chat reads them). */
export class VisitorStore {
  constructor(
    private readonly widgetKey: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private get key(): string {
    return `satchel:visitor:${this.widgetKey}`;
  }

  load(): VisitorAttributes {
    try {
      return cleanAttributes(JSON.parse(this.storage.getItem(this.key) ?? 'null')) ?? {};
    } catch {
      return {};
    }
  }

  /** Merges new attributes over the kept ones. */
  merge(attrs: VisitorAttributes): VisitorAttributes {
    const all = { ...this.load(), ...attrs };
    try {
      this.storage.setItem(this.key, JSON.stringify(all));
    } catch {
      // Storage full or blocked: the attributes still apply for this page.
    }
    return all;
  }
}
