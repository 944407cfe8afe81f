import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActiveContentPolicy, ScanFailMode } from '@satchel/contracts';
import { DataSource } from 'typeorm';

export interface StoredTrustSettings {
  encryptionAtRest: boolean;
  scanFailMode: ScanFailMode;
  activeContent: ActiveContentPolicy;
}

export const DEFAULT_TRUST_SETTINGS: StoredTrustSettings = {
  encryptionAtRest: true,
  scanFailMode: 'closed',
  activeContent: 'attachment',
};

interface Row {
  encryption_at_rest: boolean;
  scan_fail_mode: ScanFailMode;
  active_content: ActiveContentPolicy;
}

/** One row per account that changed a default (`trust_settings`). */
@Injectable()
export class TrustSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(accountId: string): Promise<StoredTrustSettings | null> {
    const rows = await this.db.query<Row[]>(
      'SELECT encryption_at_rest, scan_fail_mode, active_content FROM trust_settings WHERE account_id = $1',
      [accountId],
    );
    const row = rows[0];
    return row
      ? {
          encryptionAtRest: row.encryption_at_rest,
          scanFailMode: row.scan_fail_mode,
          activeContent: row.active_content,
        }
      : null;
  }

  async save(accountId: string, settings: StoredTrustSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO trust_settings (account_id, encryption_at_rest, scan_fail_mode, active_content)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET encryption_at_rest = $2, scan_fail_mode = $3,
         active_content = $4, updated_at = now()`,
      [accountId, settings.encryptionAtRest, settings.scanFailMode, settings.activeContent],
    );
  }
}
