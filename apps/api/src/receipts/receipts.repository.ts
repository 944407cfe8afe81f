import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReadRow {
  userId: string | null;
  name: string;
  messageId: string | null;
  readAt: Date;
}

interface RawRead {
  user_id: string | null;
  name: string | null;
  message_id: string | null;
  read_at: Date;
}

const toRow = (row: RawRead): ReadRow => ({
  userId: row.user_id,
  name: row.name ?? '',
  messageId: row.message_id,
  readAt: row.read_at,
});

/**
 * Read state: `chat_reads` per operator (also behind the inbox's unread counts) and
 * `chat_visitor_reads` per chat. A read never moves back to an older message.
 */
@Injectable()
export class ReceiptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Null when the message is not one of this chat. The time is taken in SQL: a JavaScript Date
   * would cut it to milliseconds and leave the message itself counted as unread.
   */
  async markOperatorRead(userId: string, chatId: string, messageId: string): Promise<ReadRow | null> {
    const rows = await this.db.query<RawRead[]>(
      `INSERT INTO chat_reads AS r (user_id, chat_id, last_read_at, last_read_message_id)
         SELECT $1, m.chat_id, m.created_at, m.id FROM messages m WHERE m.id = $3 AND m.chat_id = $2
       ON CONFLICT (user_id, chat_id) DO UPDATE SET
         last_read_message_id = CASE WHEN r.last_read_at <= EXCLUDED.last_read_at
           THEN EXCLUDED.last_read_message_id ELSE r.last_read_message_id END,
         last_read_at = GREATEST(r.last_read_at, EXCLUDED.last_read_at)
       RETURNING user_id, (SELECT name FROM users WHERE id = $1) AS name,
         last_read_message_id AS message_id, last_read_at AS read_at`,
      [userId, chatId, messageId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async markVisitorRead(chatId: string, messageId: string): Promise<ReadRow | null> {
    const rows = await this.db.query<RawRead[]>(
      `INSERT INTO chat_visitor_reads AS r (chat_id, last_read_at, last_read_message_id)
         SELECT m.chat_id, m.created_at, m.id FROM messages m WHERE m.id = $2 AND m.chat_id = $1
       ON CONFLICT (chat_id) DO UPDATE SET
         last_read_message_id = CASE WHEN r.last_read_at <= EXCLUDED.last_read_at
           THEN EXCLUDED.last_read_message_id ELSE r.last_read_message_id END,
         last_read_at = GREATEST(r.last_read_at, EXCLUDED.last_read_at)
       RETURNING NULL::uuid AS user_id, NULL AS name, last_read_message_id AS message_id, last_read_at AS read_at`,
      [chatId, messageId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async visitorRead(chatId: string): Promise<ReadRow | null> {
    const rows = await this.db.query<RawRead[]>(
      `SELECT NULL::uuid AS user_id, NULL AS name, last_read_message_id AS message_id, last_read_at AS read_at
       FROM chat_visitor_reads WHERE chat_id = $1`,
      [chatId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async operatorReads(chatId: string): Promise<ReadRow[]> {
    const rows = await this.db.query<RawRead[]>(
      `SELECT r.user_id, u.name, r.last_read_message_id AS message_id, r.last_read_at AS read_at
       FROM chat_reads r JOIN users u ON u.id = r.user_id
       WHERE r.chat_id = $1 ORDER BY r.last_read_at DESC`,
      [chatId],
    );
    return rows.map(toRow);
  }
}
