import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { checkAddress, isHostExempt, type OutboundAllowList } from './address-policy';
import { OutboundBlockedError } from './outbound.types';

/**
 * A `dns.lookup`-compatible resolver that refuses a hostname when ANY of its addresses is not allowed
 * (so a name resolving to both a public and a private address cannot be raced), unless the hostname
 * itself is listed in OUTBOUND_ALLOW.
 */
export function createGuardedLookup(allow: OutboundAllowList): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '');
      const refusal = refusalOf(hostname, addresses, allow);
      if (refusal) return callback(refusal, '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function refusalOf(
  hostname: string,
  addresses: LookupAddress[],
  allow: OutboundAllowList,
): Error | undefined {
  if (addresses.length === 0)
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  if (isHostExempt(hostname, allow)) return undefined;
  for (const { address } of addresses) {
    const verdict = checkAddress(address, allow);
    if (!verdict.allowed) return new OutboundBlockedError(verdict.reason);
  }
  return undefined;
}
