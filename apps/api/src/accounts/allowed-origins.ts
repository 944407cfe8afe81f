/**
 * Which web pages may use an account's widget, by the `Origin` header browsers send. Pure: the
 * gate loads the account's list. Entries are `scheme://host[:port]`; `https://*.example.com` matches
 * any subdomain of example.com (not example.com itself).
 */

export const MAX_ALLOWED_ORIGINS = 50;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const HOST = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

export type OriginParse = { ok: true; origin: string } | { ok: false; reason: string };

/** Validates one entry and returns it in the browser's serialisation (lower-case, default port dropped). */
export function parseAllowedOrigin(input: string): OriginParse {
  const raw = input.trim();
  const match = /^(https?):\/\/([^/?#@]+)\/?$/i.exec(raw);
  if (!match) return { ok: false, reason: 'must be scheme://host[:port] with http or https, without a path' };
  const scheme = `${match[1].toLowerCase()}:`;
  const hostPort = match[2].toLowerCase();
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!hp || !HOST.test(hp[1])) return { ok: false, reason: 'has an invalid host' };
  const port = hp[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return { ok: false, reason: 'has an invalid port' };
  const keepPort = port !== undefined && port !== DEFAULT_PORTS[scheme];
  return { ok: true, origin: `${scheme}//${hp[1]}${keepPort ? `:${Number(port)}` : ''}` };
}

/** Normalises a request's `Origin` header the same way, or null when it is not an http(s) origin. */
export function normalizeRequestOrigin(header: string): string | null {
  const parsed = parseAllowedOrigin(header);
  return parsed.ok && !parsed.origin.includes('*') ? parsed.origin : null;
}

function matches(entry: string, origin: string): boolean {
  if (entry === origin) return true;
  const star = entry.indexOf('://*.');
  if (star < 0) return false;
  const scheme = entry.slice(0, star + 3);
  const suffix = entry.slice(star + 4); // ".example.com[:port]"
  if (!origin.startsWith(scheme)) return false;
  const rest = origin.slice(scheme.length);
  return rest.endsWith(suffix) && rest.length > suffix.length && !rest.slice(0, -suffix.length).includes(':');
}

/**
 * May a page on `origin` (its `Origin` header) use the widget? No header (server to server) and an
 * empty list allow; the console's own origin (`/demo`) is always allowed.
 */
export function originAllowed(allowed: readonly string[], origin: string | undefined, own: string): boolean {
  if (origin === undefined || allowed.length === 0) return true;
  const normalized = normalizeRequestOrigin(origin);
  if (normalized === null) return false;
  if (normalized === own) return true;
  return allowed.some((entry) => matches(entry, normalized));
}
