import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
  }

  /** Uses a live reset link once and voids the user's other links: the user id, or null. */
  async claim(tokenHash: string): Promise<string | null> {
    const [rows] = await this.db.query<[{ user_id: string }[], number]>(
      `UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    const userId = rows[0]?.user_id ?? null;
    if (userId)
      await this.db.query(
        `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
        [userId],
      );
    return userId;
  }
}
