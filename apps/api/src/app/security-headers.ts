import type { HelmetOptions } from 'helmet';

/**
 * The console's policy: scripts and styles from this origin only (no inline script, no inline event
 * handlers). Inline styles stay allowed because Angular injects component styles as <style>
 * elements at run time; blob: images, media and frames are local previews of downloaded files.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response gets (API JSON and downloads included); HSTS only behind an https PUBLIC_URL. */
export function helmetOptions(publicUrl: string): HelmetOptions {
  return {
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: publicUrl.startsWith('https:') ? { maxAge: 31536000 } : false,
  };
}
