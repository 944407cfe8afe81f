import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

export interface RecoveryResult {
  email: string;
  password: string;
  totpRemoved: boolean;
}

/**
 * Owner recovery without email: a new random password for `email`, every session signed out and
 * two-factor sign-in removed (a lost phone is the usual reason), recorded in the audit log.
 * Returns null when no such user exists.
 */
export async function resetPasswordOffline(
  config: AppConfig,
  databaseUrl: string,
  email: string,
): Promise<RecoveryResult | null> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const found = await db.query<{ id: string; account_id: string; email: string }>(
      `SELECT id, account_id, email FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    const user = found.rows[0];
    if (!user) return null;
    const password = randomBytes(12).toString('base64url');
    const hash = await argon2.hash(password, { type: argon2.argon2id, ...config.passwords.argon2 });
    await db.query('BEGIN');
    await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, hash]);
    await db.query(
      `UPDATE auth_tokens SET revoked_at = now() WHERE user_id = $1 AND kind = 'session' AND revoked_at IS NULL`,
      [user.id],
    );
    const totp = await db.query(`DELETE FROM user_totp WHERE user_id = $1`, [user.id]);
    await db.query(
      `INSERT INTO audit_events (account_id, action, outcome, actor_role, actor_id, actor_name, details)
       VALUES ($1, 'user.password.recover', 'success', 'system', NULL, 'admin command', $2)`,
      [
        user.account_id,
        JSON.stringify({ userId: user.id, email: user.email, totpRemoved: Boolean(totp.rowCount) }),
      ],
    );
    await db.query('COMMIT');
    return { email: user.email, password, totpRemoved: Boolean(totp.rowCount) };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}
