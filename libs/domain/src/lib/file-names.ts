const MAX_NAME_BYTES = 255;
// C0/C1 controls, bidi overrides/isolates, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Lower-case extension without the dot, or '' when the name has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * A display name safe to show and to put in headers: no path parts, no control or bidi-override
 * characters, at most 255 UTF-8 bytes (the extension kept). Never used as a storage path.
 */
export function sanitizeDisplayName(raw: string, fallback = 'file'): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(UNSAFE, '').trim();
  const cleaned = base.replace(/^\.+/, '').trim();
  const name = cleaned === '' ? fallback : cleaned;
  return truncateUtf8KeepingExtension(name, MAX_NAME_BYTES);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

function truncateUtf8KeepingExtension(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const ext = extensionOf(name);
  const suffix = ext && ext.length <= 16 ? `.${ext}` : '';
  const stem = suffix ? name.slice(0, -suffix.length) : name;
  const budget = maxBytes - utf8Length(suffix);
  let out = '';
  for (const ch of stem) {
    if (utf8Length(out + ch) > budget) break;
    out += ch;
  }
  return out + suffix;
}
