import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { newSecret, sha256Hex } from '../common/crypto/hashing';
import type { Principal } from '../common/auth/principal';
import { EVENTS, type AccessRevokedEvent } from '../common/events/events';
import { AuthTokenEntity } from './auth-token.entity';
import { AuthTokensRepository } from './auth-tokens.repository';

const TOUCH_EVERY_MS = 60_000;

/** Issues and resolves every kind of bearer token; only hashes are stored. */
@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: AuthTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  async issueSession(user: {
    id: string;
    accountId: string;
    name: string;
  }): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.auth.sessionTtlHours * 3600_000);
    const token = await this.issue('ss', {
      kind: 'session',
      accountId: user.accountId,
      userId: user.id,
      name: user.name,
      expiresAt,
    });
    return { token: token.secret, expiresAt };
  }

  issueApiToken(accountId: string, name: string): Promise<{ secret: string; entity: AuthTokenEntity }> {
    return this.issue('sk', { kind: 'api', accountId, name });
  }

  async issueVisitorToken(chat: { id: string; accountId: string }): Promise<string> {
    const token = await this.issue('sv', {
      kind: 'visitor',
      accountId: chat.accountId,
      chatId: chat.id,
      name: 'visitor',
    });
    return token.secret;
  }

  /** The caller behind a raw token, or null when it is unknown, revoked, expired or its user inactive. */
  async authenticate(raw: string): Promise<Principal | null> {
    const found = await this.tokens.resolve(sha256Hex(raw));
    if (!found) return null;
    const { token, user } = found;
    this.touchLater(token);
    if (token.kind === 'visitor' && token.chatId) {
      return {
        kind: 'visitor',
        role: 'visitor',
        accountId: token.accountId,
        chatId: token.chatId,
        name: found.visitorName ?? 'Visitor',
        tokenId: token.id,
      };
    }
    if (token.kind === 'api') {
      return {
        kind: 'api',
        role: 'api',
        accountId: token.accountId,
        userId: null,
        name: token.name,
        tokenId: token.id,
      };
    }
    if (!user || !user.active) return null;
    return {
      kind: 'user',
      role: user.role,
      accountId: token.accountId,
      userId: user.id,
      name: user.name,
      tokenId: token.id,
    };
  }

  /** For principals carried beyond one request (an open socket): is their token still valid? */
  isLive(tokenId: string): Promise<boolean> {
    return this.tokens.isLive(tokenId);
  }

  /** Revokes a token and announces it, so that what was opened with it (sockets) closes too. */
  async revoke(tokenId: string): Promise<void> {
    await this.tokens.revoke(tokenId);
    this.events.emit(EVENTS.accessRevoked, { tokenIds: [tokenId] } satisfies AccessRevokedEvent);
  }

  /** Signs a user out everywhere (deactivated, or a new password), sockets included. */
  async revokeUserSessions(userId: string): Promise<void> {
    await this.tokens.revokeUserSessions(userId);
    this.events.emit(EVENTS.accessRevoked, { userId } satisfies AccessRevokedEvent);
  }

  private async issue(prefix: string, data: Partial<AuthTokenEntity>) {
    const secret = newSecret(prefix);
    const entity = await this.tokens.create({
      ...data,
      tokenHash: sha256Hex(secret),
      last4: secret.slice(-4),
    });
    return { secret, entity };
  }

  private touchLater(token: AuthTokenEntity): void {
    if (token.lastUsedAt && Date.now() - token.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
    this.tokens.touch(token.id).catch(() => undefined);
  }
}
