import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface TotpRow {
  secretSealed: string;
  enabled: boolean;
  recoveryHashes: string[];
  lastStep: number;
}

@Injectable()
export class TotpRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string): Promise<TotpRow | null> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT secret_sealed, enabled_at, recovery_hashes, last_step FROM user_totp WHERE user_id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      secretSealed: row['secret_sealed'] as string,
      enabled: row['enabled_at'] !== null,
      recoveryHashes: row['recovery_hashes'] as string[],
      lastStep: Number(row['last_step']),
    };
  }

  /** A new, not yet confirmed secret (replaces an unconfirmed one). */
  async savePending(userId: string, secretSealed: string): Promise<void> {
    await this.db.query(
      `INSERT INTO user_totp (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = $2, enabled_at = NULL, recovery_hashes = '{}', last_step = 0`,
      [userId, secretSealed],
    );
  }

  async enable(userId: string, recoveryHashes: string[], step: number): Promise<void> {
    await this.db.query(
      `UPDATE user_totp SET enabled_at = now(), recovery_hashes = $2, last_step = $3 WHERE user_id = $1`,
      [userId, recoveryHashes, step],
    );
  }

  /** Records a used time step; false when it (or a later one) was used already (a replayed code). */
  async useStep(userId: string, step: number): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE user_totp SET last_step = $2 WHERE user_id = $1 AND last_step < $2`,
      [userId, step],
    );
    return count > 0;
  }

  /** Spends a recovery code; false when it is not (or no longer) one of the user's. */
  async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE user_totp SET recovery_hashes = array_remove(recovery_hashes, $2)
        WHERE user_id = $1 AND $2 = ANY(recovery_hashes)`,
      [userId, hash],
    );
    return count > 0;
  }

  async remove(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM user_totp WHERE user_id = $1`, [userId]);
  }

  async accountRequiresTotp(accountId: string): Promise<boolean> {
    const rows = await this.db.query<{ require_totp: boolean }[]>(
      `SELECT require_totp FROM team_settings WHERE account_id = $1`,
      [accountId],
    );
    return rows[0]?.require_totp ?? false;
  }
}
