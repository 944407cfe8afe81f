import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuthTokenEntity, TokenKind } from './auth-token.entity';
import type { TypeOrmTx } from '../database/transaction-host';

export interface ResolvedToken {
  token: AuthTokenEntity;
  user: { id: string; name: string; role: 'owner' | 'admin' | 'operator'; active: boolean } | null;
  visitorName: string | null;
}

@Injectable()
export class AuthTokensRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  private repo() {
    return this.txHost.tx.getRepository(AuthTokenEntity);
  }

  /** The live token for a hash, with its user or chat, in one query. */
  async resolve(tokenHash: string): Promise<ResolvedToken | null> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT t.id, t.kind, t.account_id, t.user_id, t.chat_id, t.name, t.last_used_at,
              u.name AS user_name, u.role AS user_role, u.active AS user_active, c.visitor_name
         FROM auth_tokens t
         LEFT JOIN users u ON u.id = t.user_id
         LEFT JOIN chats c ON c.id = t.chat_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const token = this.repo().create({
      id: row['id'] as string,
      kind: row['kind'] as TokenKind,
      accountId: row['account_id'] as string,
      userId: row['user_id'] as string | null,
      chatId: row['chat_id'] as string | null,
      name: row['name'] as string,
      lastUsedAt: row['last_used_at'] as Date | null,
    });
    const user = row['user_id']
      ? {
          id: row['user_id'] as string,
          name: row['user_name'] as string,
          role: row['user_role'] as 'owner' | 'admin' | 'operator',
          active: row['user_active'] as boolean,
        }
      : null;
    return { token, user, visitorName: (row['visitor_name'] as string | null) ?? null };
  }

  /** Whether a token is still usable: not revoked, not expired, its user (if any) still active. */
  async isLive(id: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM auth_tokens t LEFT JOIN users u ON u.id = t.user_id
        WHERE t.id = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
          AND (t.user_id IS NULL OR u.active)`,
      [id],
    );
    return rows.length > 0;
  }

  create(data: Partial<AuthTokenEntity>): Promise<AuthTokenEntity> {
    return this.repo().save(this.repo().create(data));
  }

  async touch(id: string): Promise<void> {
    await this.repo().update({ id }, { lastUsedAt: new Date() });
  }

  listApiTokens(accountId: string): Promise<AuthTokenEntity[]> {
    return this.repo().find({ where: { accountId, kind: 'api' }, order: { createdAt: 'DESC' } });
  }

  findInAccount(accountId: string, id: string, kind: TokenKind): Promise<AuthTokenEntity | null> {
    return this.repo().findOneBy({ accountId, id, kind });
  }

  async revoke(id: string): Promise<void> {
    await this.repo().update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeUserSessions(userId: string): Promise<void> {
    await this.repo().update({ userId, kind: 'session', revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
