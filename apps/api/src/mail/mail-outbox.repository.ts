import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailOutboxItemDto } from '@satchel/contracts';
import { DataSource } from 'typeorm';
import type { MailMessage } from './mail-message';

/** Where emails go when no SMTP server is configured; the owner reads them in the console. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(message: MailMessage): Promise<void> {
    await this.db.query(
      `INSERT INTO mail_outbox (account_id, kind, recipient, subject, text_body, html_body)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [message.accountId, message.kind, message.to, message.subject, message.text, message.html],
    );
  }

  async list(limit: number): Promise<MailOutboxItemDto[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT id, account_id, kind, recipient, subject, text_body, html_body, created_at
         FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      accountId: (r['account_id'] as string | null) ?? null,
      kind: r['kind'] as string,
      to: r['recipient'] as string,
      subject: r['subject'] as string,
      text: r['text_body'] as string,
      html: r['html_body'] as string,
      createdAt: (r['created_at'] as Date).toISOString(),
    }));
  }
}
