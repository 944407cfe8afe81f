import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** OUTBOUND_ALLOW compiled: exact hostnames (lower case, no trailing dot) and CIDR ranges. */
export interface OutboundAllowList {
  hosts: ReadonlySet<string>;
  ranges: ReadonlyArray<[Address, number]>;
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const METADATA_V4 = '169.254.169.254';
/** 2000::/3: the only IPv6 block with global unicast addresses. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse('2000::');
const RANGE_LABELS: Record<string, string> = {
  carrierGradeNat: 'CGNAT',
  linkLocal: 'link-local',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'site-local',
  teredo: 'Teredo tunnel',
};

export const normalizeHost = (host: string) =>
  host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/** Compiles OUTBOUND_ALLOW entries; throws naming the first entry that is neither a hostname, an IP nor a CIDR. */
export function compileAllowList(entries: readonly string[]): OutboundAllowList {
  const hosts = new Set<string>();
  const ranges: [Address, number][] = [];
  for (const raw of entries) {
    const entry = normalizeHost(raw.trim());
    if (ipaddr.isValidCIDR(entry)) ranges.push(unwrapRange(ipaddr.parseCIDR(entry)));
    else if (ipaddr.isValid(entry)) {
      const addr = ipaddr.process(entry);
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOSTNAME.test(entry)) hosts.add(entry);
    else throw new Error(`OUTBOUND_ALLOW: ${JSON.stringify(raw)} is not a hostname, IP address or CIDR`);
  }
  return { hosts, ranges };
}

export const isHostExempt = (host: string, allow: OutboundAllowList) => allow.hosts.has(normalizeHost(host));

/**
 * May Satchel open a connection to this IP address? Only globally routable unicast is allowed (IPv6:
 * within 2000::/3); the IPv4 carried by IPv6 transition forms (mapped, NAT64, 6to4) is unwrapped and
 * checked again.
 * Addresses in an OUTBOUND_ALLOW range are exempt.
 */
export function checkAddress(ip: string, allow?: OutboundAllowList): AddressVerdict {
  const text = normalizeHost(ip);
  if (!ipaddr.isValid(text)) return { allowed: false, reason: `destination ${ip} is not an IP address` };
  const addr = ipaddr.parse(text);
  const refusal = refusalOf(addr, allow);
  if (!refusal) return { allowed: true };
  return { allowed: false, reason: `destination address ${addr.toString()} is not allowed (${refusal})` };
}

function refusalOf(addr: Address, allow: OutboundAllowList | undefined): string | undefined {
  if (allow && inAllowedRange(addr, allow)) return undefined;
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    const embedded = embeddedIPv4(v6);
    if (embedded === null) return 'local-use NAT64';
    if (embedded) {
      const inner = refusalOf(embedded.addr, allow);
      return inner && `${embedded.form} ${embedded.addr.toString()}: ${inner}`;
    }
    if (!v6.match(GLOBAL_UNICAST_V6, 3)) return labelOf(v6.range(), 'reserved');
  }
  if (addr.toString() === METADATA_V4) return 'cloud metadata';
  return labelOf(addr.range(), undefined);
}

const labelOf = (range: string, unicast: string | undefined) =>
  range === 'unicast' ? unicast : (RANGE_LABELS[range] ?? range);

/**
 * The IPv4 address an IPv6 transition form would reach: undefined when `addr` is not such a form,
 * null when it is one whose IPv4 we cannot tell (local-use NAT64), which is refused.
 */
function embeddedIPv4(addr: ipaddr.IPv6): { form: string; addr: ipaddr.IPv4 } | null | undefined {
  const parts = addr.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (addr.range()) {
    case 'ipv4Mapped':
      return { form: 'IPv4-mapped', addr: addr.toIPv4Address() };
    case 'rfc6145':
      return { form: 'IPv4-translated', addr: v4(parts[6], parts[7]) };
    case 'rfc6052':
      return parts[2] === 0 ? { form: 'NAT64', addr: v4(parts[6], parts[7]) } : null;
    case '6to4':
      return { form: '6to4', addr: v4(parts[1], parts[2]) };
    default:
      return undefined;
  }
}

function inAllowedRange(addr: Address, allow: OutboundAllowList): boolean {
  return allow.ranges.some(
    ([base, bits]) => base.kind() === addr.kind() && addr.match([base, bits] as never),
  );
}

/** `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8. */
function unwrapRange([addr, bits]: [Address, number]): [Address, number] {
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [addr, bits];
}
