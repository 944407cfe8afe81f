import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';

/** Where a page of a chat's files starts: after this file, in (createdAt, id) order. */
export interface ChatFilesCursor {
  createdAt: Date;
  id: string;
}

/** A conversation's files, oldest first (the Files tab and its zip). */
@Injectable()
export class ChatFilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `take` files of the chat after `after`, expired tombstones included. */
  page(chatId: string, take: number, after?: ChatFilesCursor): Promise<AttachmentEntity[]> {
    const qb = this.db.manager
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.chatId = :chatId', { chatId });
    if (after) qb.andWhere('(a.createdAt, a.id) > (:at, :id)', { at: after.createdAt, id: after.id });
    return qb.orderBy('a.createdAt', 'ASC').addOrderBy('a.id', 'ASC').limit(take).getMany();
  }

  /** The files the zip holds (neither quarantined nor expired) and their total size. */
  async archiveSize(chatId: string): Promise<{ files: number; bytes: number }> {
    const [row] = await this.db.query<{ files: number; bytes: string }[]>(
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::text AS bytes FROM attachments
        WHERE chat_id = $1 AND expired_at IS NULL AND scan_status IS DISTINCT FROM 'infected'`,
      [chatId],
    );
    return { files: row.files, bytes: Number(row.bytes) };
  }
}
