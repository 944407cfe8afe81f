import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Request } from 'express';

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
}

function sameSecret(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given);
  const expectedBytes = Buffer.from(expected);
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

/**
 * With `METRICS_TOKEN`, only `Authorization: Bearer <token>`; without it, only clients on this machine
 * that did not come through a proxy (a forwarded request may be from anywhere).
 */
export function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (token) {
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    return scheme === 'Bearer' && !!given && sameSecret(given, token);
  }
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers['forwarded'] !== undefined;
  return !proxied && isLoopback(req.socket.remoteAddress);
}
