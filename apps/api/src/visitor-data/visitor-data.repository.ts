import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { ChatEntity } from '../chats/chat.entity';
import { MessageEntity } from '../chats/message.entity';

/** Everything Satchel's database holds about one visitor (the person of one chat). */
export interface VisitorRows {
  chat: ChatEntity;
  messages: MessageEntity[];
  files: AttachmentEntity[];
}

/** What was delivered outside Satchel, by kind (callback receiver, S3 export) and target. */
export interface OutsideCopy {
  kind: string;
  target: string | null;
  count: number;
}

@Injectable()
export class VisitorDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(accountId: string, chatId: string): Promise<VisitorRows | null> {
    const chat = await this.db.getRepository(ChatEntity).findOneBy({ accountId, id: chatId });
    if (!chat) return null;
    const [messages, files] = await Promise.all([
      this.db
        .getRepository(MessageEntity)
        .find({ where: { chatId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.db
        .getRepository(AttachmentEntity)
        .find({ where: { chatId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { chat, messages, files };
  }

  /** Files that were delivered to the customer's systems (their copies are out of Satchel's reach). */
  async outsideCopies(chatId: string, attachmentIds: string[]): Promise<OutsideCopy[]> {
    const rows = await this.db.query<{ kind: string; target: string | null; count: string }[]>(
      `SELECT kind, CASE WHEN kind = 'export' THEN NULL ELSE target END AS target, COUNT(*) AS count
         FROM deliveries
        WHERE (chat_id = $1 OR attachment_id = ANY($2)) AND status IN ('delivered', 'exported')
        GROUP BY 1, 2`,
      [chatId, attachmentIds],
    );
    return rows.map((r) => ({ kind: r.kind, target: r.target, count: Number(r.count) }));
  }

  /**
   * Deletes the chat and everything hanging off it in one transaction: deliveries (callback, export,
   * event records), audit entries, previews, then the chat (messages, files, tokens, requests cascade).
   */
  async erase(chatId: string, attachmentIds: string[]): Promise<string[]> {
    return this.db.transaction(async (m) => {
      await m.query(`DELETE FROM deliveries WHERE chat_id = $1 OR attachment_id = ANY($2)`, [
        chatId,
        attachmentIds,
      ]);
      await m.query(`DELETE FROM audit_events WHERE chat_id = $1 OR attachment_id = ANY($2)`, [
        chatId,
        attachmentIds,
      ]);
      const [previews] = await m.query<[{ small_key: string | null; large_key: string | null }[], number]>(
        `DELETE FROM attachment_previews WHERE attachment_id = ANY($1) RETURNING small_key, large_key`,
        [attachmentIds],
      );
      await m
        .getRepository(AttachmentEntity)
        .delete({ id: In(attachmentIds.length ? attachmentIds : ['00000000-0000-0000-0000-000000000000']) });
      await m.getRepository(ChatEntity).delete({ id: chatId });
      return previews.flatMap((p) => [p.small_key, p.large_key]).filter((k): k is string => !!k);
    });
  }
}
