import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AttachmentPreviewEntity } from './attachment-preview.entity';

export type PreviewRow = Omit<AttachmentPreviewEntity, 'updatedAt'>;

/** Preview rows. Rendition bytes go through `AttachmentObjectsRepository`. */
@Injectable()
export class PreviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get rows() {
    return this.db.getRepository(AttachmentPreviewEntity);
  }

  find(attachmentId: string): Promise<AttachmentPreviewEntity | null> {
    return this.rows.findOneBy({ attachmentId });
  }

  findMany(attachmentIds: string[]): Promise<AttachmentPreviewEntity[]> {
    return this.rows.findBy({ attachmentId: In(attachmentIds) });
  }

  /** First state of a new attachment; a second call (a replayed event) changes nothing. */
  async create(row: PreviewRow): Promise<void> {
    await this.rows.createQueryBuilder().insert().values(row).orIgnore().execute();
  }

  /** False when the row is gone (the attachment was deleted meanwhile). */
  async finish(attachmentId: string, patch: Partial<PreviewRow>): Promise<boolean> {
    const result = await this.rows.update({ attachmentId }, patch);
    return (result.affected ?? 0) > 0;
  }

  /** Deletes the row and returns it (its rendition keys), or null when there was none. */
  async take(attachmentId: string): Promise<AttachmentPreviewEntity | null> {
    const row = await this.find(attachmentId);
    if (row) await this.rows.delete({ attachmentId });
    return row;
  }

  /**
   * Backfill: marks up to `limit` of the account's files of `types` that have no preview (no row,
   * or `unsupported` for one of `reasons`) `pending`, and returns their ids.
   */
  async reopen(accountId: string, types: string[], reasons: string[], limit: number): Promise<string[]> {
    const rows = await this.db.query<{ attachment_id: string }[]>(
      `INSERT INTO attachment_previews (attachment_id, account_id, status)
         SELECT a.id, a.account_id, 'pending'
           FROM attachments a
           LEFT JOIN attachment_previews p ON p.attachment_id = a.id
          WHERE a.account_id = $1 AND a.content_type = ANY($2)
            AND (p.attachment_id IS NULL OR (p.status = 'unsupported' AND p.reason = ANY($3)))
          ORDER BY a.created_at DESC
          LIMIT $4
       ON CONFLICT (attachment_id) DO UPDATE SET status = 'pending', reason = NULL, updated_at = now()
         WHERE attachment_previews.status = 'unsupported'
       RETURNING attachment_id`,
      [accountId, types, reasons, limit],
    );
    return rows.map((r) => r.attachment_id);
  }
}
