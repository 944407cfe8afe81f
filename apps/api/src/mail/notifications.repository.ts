import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Recipient {
  id: string;
  email: string;
}

export interface PendingNotification {
  chatId: string;
  kind: string;
  summary: string;
}

/** Who is told about what: pending operator notifications and visitors' transcript addresses. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Active staff of the account who did not turn email notifications off. */
  staffToNotify(accountId: string): Promise<Recipient[]> {
    return this.db.query<Recipient[]>(
      `SELECT u.id, u.email FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id
        WHERE u.account_id = $1 AND u.active AND COALESCE(p.email_enabled, true)`,
      [accountId],
    );
  }

  /** The staff handling a chat: those who answered in it (and still want emails). */
  chatHandlers(chatId: string): Promise<Recipient[]> {
    return this.db.query<Recipient[]>(
      `SELECT DISTINCT u.id, u.email FROM messages m JOIN users u ON u.id = m.author_id
         LEFT JOIN notification_prefs p ON p.user_id = u.id
        WHERE m.chat_id = $1 AND m.author_role IN ('owner', 'admin', 'operator') AND u.active
          AND COALESCE(p.email_enabled, true)`,
      [chatId],
    );
  }

  async addPending(userId: string, notification: PendingNotification): Promise<void> {
    await this.db.query(
      `INSERT INTO pending_notifications (user_id, chat_id, kind, summary) VALUES ($1, $2, $3, $4)`,
      [userId, notification.chatId, notification.kind, notification.summary],
    );
  }

  /** Takes (deletes and returns) a user's pending notifications, oldest first. */
  async takePending(userId: string): Promise<(PendingNotification & { accountId: string; email: string })[]> {
    const rows = await this.db.query<Record<string, string>[]>(
      `WITH taken AS (DELETE FROM pending_notifications WHERE user_id = $1 RETURNING chat_id, kind, summary, created_at)
       SELECT t.chat_id, t.kind, t.summary, u.account_id, u.email
         FROM taken t JOIN users u ON u.id = $1 ORDER BY t.created_at`,
      [userId],
    );
    return rows.map((r) => ({
      chatId: r['chat_id'],
      kind: r['kind'],
      summary: r['summary'],
      accountId: r['account_id'],
      email: r['email'],
    }));
  }

  async setVisitorEmail(chatId: string, email: string): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_visitor_emails (chat_id, email) VALUES ($1, $2)
       ON CONFLICT (chat_id) DO UPDATE SET email = $2`,
      [chatId, email],
    );
  }

  /** Claims the transcript of a chat once: the address, or null when none was given or it was sent. */
  async claimTranscript(chatId: string): Promise<string | null> {
    const rows = await this.db.query<[{ email: string }[], number]>(
      `UPDATE chat_visitor_emails SET transcript_sent_at = now()
        WHERE chat_id = $1 AND transcript_sent_at IS NULL RETURNING email`,
      [chatId],
    );
    return rows[0]?.[0]?.email ?? null;
  }

  async accountName(accountId: string): Promise<string> {
    const rows = await this.db.query<{ name: string }[]>(`SELECT name FROM accounts WHERE id = $1`, [
      accountId,
    ]);
    return rows[0]?.name ?? 'Satchel';
  }
}
