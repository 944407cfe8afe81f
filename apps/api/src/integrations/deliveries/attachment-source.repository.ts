import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttachmentRecord, AttachmentSource } from './attachment-source';

interface Row {
  id: string;
  account_id: string;
  chat_id: string | null;
  name: string;
  content_type: string;
  size: string;
  storage_key: string;
  created_at: Date;
}

const COLUMNS = 'a.id, a.account_id, a.chat_id, a.name, a.content_type, a.size, a.storage_key, a.created_at';

function toRecord(r: Row): AttachmentRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    chatId: r.chat_id,
    name: r.name,
    contentType: r.content_type,
    size: Number(r.size),
    storageKey: r.storage_key,
    createdAt: r.created_at,
  };
}

const DELIVERABLE = "(a.scan_status IS NULL OR a.scan_status NOT IN ('infected', 'scanning'))";

/** `AttachmentSource` over the attachments table (a row exists only once its object is stored). */
@Injectable()
export class AttachmentSourceRepository implements AttachmentSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(id: string): Promise<AttachmentRecord | null> {
    // A quarantined file (or one still waiting for its verdict) is never called back or exported:
    // to deliveries it does not exist.
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM attachments a WHERE a.id = $1 AND ${DELIVERABLE}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async missingDelivery(
    kind: 'callback' | 'export',
    accountId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<AttachmentRecord[]> {
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM attachments a
        WHERE a.account_id = $1 AND a.created_at >= $2 AND a.created_at < $3
          AND ${DELIVERABLE}
          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.attachment_id = a.id AND d.kind = $4)
        ORDER BY a.created_at LIMIT $5`,
      [accountId, from, to, kind, limit],
    );
    return rows.map(toRecord);
  }
}
