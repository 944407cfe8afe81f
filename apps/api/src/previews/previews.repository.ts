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
    const r = await this.rows.update({ attachmentId }, patch);
    return (r.affected ?? 0) > 0;
  }

  /** Deletes the row and returns it (its rendition keys), or null when there was none. */
  async take(attachmentId: string): Promise<AttachmentPreviewEntity | null> {
    const row = await this.find(attachmentId);
    if (row) await this.rows.delete({ attachmentId });
    return row;
  }
}
