import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  /** e.g. http://127.0.0.1:40123 — another origin than the API. */
  url: string;
  /** The nonce the page's own inline scripts carry (the host's strict CSP allows only those). */
  nonce: string;
  /** Serves `html` at `path` from now on. */
  set(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * A customer's website on its own loopback origin, under a strict Content-Security-Policy that allows
 * only what README's "Widget host-page API" section says a host must allow for the widget.
 */
export async function startHostPage(apiUrl: string): Promise<HostPage> {
  const nonce = randomBytes(12).toString('base64');
  const pages = new Map<string, string>();
  const api = new URL(apiUrl);
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${api.origin}`,
    `connect-src ${api.origin} ws://${api.host}`,
    `img-src blob: ${api.origin}`,
    // pdf.js runs its worker from a blob: wrapper when the widget is on another origin.
    'worker-src blob:',
    "style-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!html) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
    });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    nonce,
    set: (path, html) => pages.set(path, html),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Intercom's queue stub: calls made before widget.js loads are kept in `Satchel.q`. */
export const SATCHEL_STUB =
  'window.Satchel = window.Satchel || function () { (Satchel.q = Satchel.q || []).push(arguments); };';
