import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  checkAddress,
  compileAllowList,
  isHostExempt,
  normalizeHost,
  type OutboundAllowList,
} from './address-policy';
import { createGuardedLookup } from './guarded-lookup';
import { OutboundBlockedError } from './outbound.types';

export interface GuardedAgents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

type Connect = (
  options: http.ClientRequestArgs,
  callback?: (err: Error | null, stream: Duplex) => void,
) => Duplex | null | undefined;

/**
 * Why a connection to `host` may not be opened, or once connected, may not be used: IP literals are
 * checked before connecting (names go through the guarded lookup), and the address actually
 * connected to is checked again (first, before TLS or request bytes are written).
 */
export function connectionRefusal(
  host: string,
  address: string | undefined,
  allow: OutboundAllowList,
): string | undefined {
  if (isHostExempt(host, allow)) return undefined;
  if (address === undefined) return `destination ${host} has no IP address`;
  const verdict = checkAddress(address, allow);
  return verdict.allowed ? undefined : verdict.reason;
}

function guardedConnect(connect: Connect, allow: OutboundAllowList): Connect {
  return (options, callback) => {
    const host = options.host ?? options.hostname ?? 'localhost';
    const literal = isIP(normalizeHost(host)) ? normalizeHost(host) : undefined;
    const early = literal && connectionRefusal(host, literal, allow);
    if (early) {
      const err = new OutboundBlockedError(early);
      if (!callback) throw err;
      process.nextTick(callback, err);
      return undefined;
    }
    const socket = connect(options, callback) as Socket;
    socket.prependOnceListener('connect', () => {
      const refusal = connectionRefusal(host, socket.remoteAddress, allow);
      if (refusal) socket.destroy(new OutboundBlockedError(refusal));
    });
    return socket;
  };
}

class GuardedHttpAgent extends http.Agent {
  constructor(allow: OutboundAllowList, options: http.AgentOptions) {
    super({ ...options, lookup: createGuardedLookup(allow) });
    this.createConnection = guardedConnect(super.createConnection.bind(this), allow);
  }
}

class GuardedHttpsAgent extends https.Agent {
  constructor(allow: OutboundAllowList, options: https.AgentOptions) {
    super({ ...options, lookup: createGuardedLookup(allow) });
    this.createConnection = guardedConnect(super.createConnection.bind(this), allow);
  }
}

/**
 * http/https Agents that only connect where the SSRF policy allows: the one guard for every outbound
 * connection, including the AWS SDK (`new NodeHttpHandler({ httpAgent, httpsAgent })`).
 */
export function guardedAgents(
  allow: OutboundAllowList | readonly string[],
  options: { keepAlive?: boolean } = {},
): GuardedAgents {
  const compiled = isAllowList(allow) ? allow : compileAllowList(allow);
  return {
    httpAgent: new GuardedHttpAgent(compiled, options),
    httpsAgent: new GuardedHttpsAgent(compiled, options),
  };
}

const isAllowList = (allow: OutboundAllowList | readonly string[]): allow is OutboundAllowList =>
  'hosts' in allow;
