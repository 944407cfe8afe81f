import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxSettings } from '@satchel/contracts';
import { DataSource } from 'typeorm';

export const DEFAULT_INBOX_SETTINGS: InboxSettings = { reopenOnVisitorMessage: false, autoAssign: false };

interface Row {
  reopen_on_visitor_message: boolean;
  auto_assign: boolean;
  last_assigned_user_id: string | null;
}

/** One row per account that changed a default (`inbox_settings`), plus the round-robin's last pick. */
@Injectable()
export class InboxSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(accountId: string): Promise<(InboxSettings & { lastAssignedUserId: string | null }) | null> {
    const rows = await this.db.query<Row[]>(
      `SELECT reopen_on_visitor_message, auto_assign, last_assigned_user_id FROM inbox_settings WHERE account_id = $1`,
      [accountId],
    );
    const row = rows[0];
    return row
      ? {
          reopenOnVisitorMessage: row.reopen_on_visitor_message,
          autoAssign: row.auto_assign,
          lastAssignedUserId: row.last_assigned_user_id,
        }
      : null;
  }

  async save(accountId: string, settings: InboxSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO inbox_settings (account_id, reopen_on_visitor_message, auto_assign) VALUES ($1, $2, $3)
       ON CONFLICT (account_id) DO UPDATE
         SET reopen_on_visitor_message = $2, auto_assign = $3, updated_at = now()`,
      [accountId, settings.reopenOnVisitorMessage, settings.autoAssign],
    );
  }

  /**
   * Records the round-robin's pick unless another process picked since `previous` was read: false
   * then, so two API processes never both hand out the same turn.
   */
  async claimTurn(accountId: string, previous: string | null, next: string): Promise<boolean> {
    const rows = await this.db.query<unknown[][]>(
      `UPDATE inbox_settings SET last_assigned_user_id = $3
        WHERE account_id = $1 AND last_assigned_user_id IS NOT DISTINCT FROM $2 RETURNING account_id`,
      [accountId, previous, next],
    );
    return (rows[0] ?? []).length > 0;
  }
}
