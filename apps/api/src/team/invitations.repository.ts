import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserRole } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import type { TypeOrmTx } from '../database/transaction-host';

export interface InvitationRow {
  id: string;
  accountId: string;
  email: string;
  role: UserRole;
  groups: string[];
  invitedBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, account_id, email, role, groups, invited_by, expires_at, accepted_at, revoked_at, created_at`;

function toRow(row: Record<string, unknown>): InvitationRow {
  return {
    id: row['id'] as string,
    accountId: row['account_id'] as string,
    email: row['email'] as string,
    role: row['role'] as UserRole,
    groups: row['groups'] as string[],
    invitedBy: row['invited_by'] as string,
    expiresAt: row['expires_at'] as Date,
    acceptedAt: row['accepted_at'] as Date | null,
    revokedAt: row['revoked_at'] as Date | null,
    createdAt: row['created_at'] as Date,
  };
}

@Injectable()
export class InvitationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectTransactionHost() private readonly txHost: TypeOrmTx,
  ) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(work);
  }

  async create(
    data: Pick<InvitationRow, 'accountId' | 'email' | 'role' | 'groups' | 'invitedBy' | 'expiresAt'>,
    tokenHash: string,
  ): Promise<InvitationRow> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `INSERT INTO invitations (account_id, email, role, groups, invited_by, expires_at, token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [data.accountId, data.email, data.role, data.groups, data.invitedBy, data.expiresAt, tokenHash],
    );
    return toRow(rows[0]);
  }

  async list(accountId: string): Promise<InvitationRow[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM invitations WHERE account_id = $1 ORDER BY created_at DESC LIMIT 500`,
      [accountId],
    );
    return rows.map(toRow);
  }

  async findInAccount(accountId: string, id: string): Promise<InvitationRow | null> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM invitations WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findByToken(tokenHash: string): Promise<InvitationRow | null> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Marks a usable invitation accepted, once: null when it is used, revoked, expired or unknown. */
  async claim(tokenHash: string): Promise<InvitationRow | null> {
    const [rows] = await this.txHost.tx.query<[Record<string, unknown>[], number]>(
      `UPDATE invitations SET accepted_at = now()
        WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING ${COLUMNS}`,
      [tokenHash],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A new link (the old one stops working) and a new expiry. */
  async renew(id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(`UPDATE invitations SET token_hash = $2, expires_at = $3 WHERE id = $1`, [
      id,
      tokenHash,
      expiresAt,
    ]);
  }

  async revoke(id: string): Promise<void> {
    await this.db.query(`UPDATE invitations SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      id,
    ]);
  }

  /** Earlier pending invitations of the same address are replaced by a new one. */
  async revokePendingFor(accountId: string, email: string): Promise<void> {
    await this.db.query(
      `UPDATE invitations SET revoked_at = now()
        WHERE account_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND revoked_at IS NULL`,
      [accountId, email],
    );
  }

  async accountName(accountId: string): Promise<string> {
    const rows = await this.db.query<{ name: string }[]>(`SELECT name FROM accounts WHERE id = $1`, [
      accountId,
    ]);
    return rows[0]?.name ?? 'Satchel';
  }
}
