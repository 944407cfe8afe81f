import { Inject, Injectable } from '@nestjs/common';
import type { ConnectionStringResponse } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { Signer } from '../common/crypto/signer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

interface ConnectionPayload {
  t: 'conn';
  /** Chat id, or null for an operator's account-wide inbox connection. */
  c: string | null;
  p: Principal;
  exp: number;
}

interface MessagePayload {
  t: 'msg';
  s: string;
  n: number;
}

export type ConnectionCheck =
  { ok: true; principal: Principal; chatId: string | null } | { ok: false; reason: string };

/**
 * Seed 004: signed, expiring connection strings for joining a chat, and single-use message strings
 * that every message sent over the socket must carry.
 */
@Injectable()
export class ConnectionStringsService {
  private readonly connections: Signer;
  private readonly messages: Signer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const key = config.secretsKey as Buffer;
    this.connections = new Signer(key, 'realtime-connection');
    this.messages = new Signer(key, 'realtime-message');
  }

  issue(principal: Principal, chatId: string | null): ConnectionStringResponse {
    const exp = Math.floor(Date.now() / 1000) + this.config.auth.connectionStringTtlSeconds;
    const connectionString = this.connections.sign({
      t: 'conn',
      c: chatId,
      p: principal,
      exp,
    } satisfies ConnectionPayload);
    return { connectionString, expiresAt: new Date(exp * 1000).toISOString() };
  }

  check(connectionString: unknown, chatId: unknown): ConnectionCheck {
    if (typeof connectionString !== 'string' || connectionString === '')
      return { ok: false, reason: 'connection string is required' };
    const payload = this.connections.verify<ConnectionPayload>(connectionString);
    if (!payload || payload.t !== 'conn') return { ok: false, reason: 'invalid connection string' };
    if (payload.exp * 1000 < Date.now()) return { ok: false, reason: 'connection string expired' };
    const wanted = typeof chatId === 'string' && chatId !== '' ? chatId : null;
    if (wanted !== payload.c) return { ok: false, reason: 'connection string is not for this chat' };
    return { ok: true, principal: payload.p, chatId: payload.c };
  }

  messageString(socketId: string, seq: number): string {
    return this.messages.sign({ t: 'msg', s: socketId, n: seq } satisfies MessagePayload);
  }

  /** True when the string was issued for this socket and is the next one in sequence. */
  checkMessageString(value: unknown, socketId: string, expectedSeq: number): boolean {
    if (typeof value !== 'string') return false;
    const payload = this.messages.verify<MessagePayload>(value);
    return !!payload && payload.t === 'msg' && payload.s === socketId && payload.n === expectedSeq;
  }
}
