import type { DataSource } from 'typeorm';

export interface WrappedDataKey {
  storageKey: string;
  masterKeyId: string;
  wrapped: Buffer;
}

interface Row {
  storage_key: string;
  master_key_id: string;
  wrapped_key: Buffer;
}

const toKey = (row: Row): WrappedDataKey => ({
  storageKey: row.storage_key,
  masterKeyId: row.master_key_id,
  wrapped: row.wrapped_key,
});

/** Wrapped data keys of encrypted objects (one per storage key) and the master keys' check values. */
export class DataKeysRepository {
  constructor(private readonly db: DataSource) {}

  async find(storageKey: string): Promise<WrappedDataKey | null> {
    const rows = await this.db.query<Row[]>(
      'SELECT storage_key, master_key_id, wrapped_key FROM storage_data_keys WHERE storage_key = $1',
      [storageKey],
    );
    return rows[0] ? toKey(rows[0]) : null;
  }

  async save(wrapped: WrappedDataKey): Promise<void> {
    await this.db.query(
      `INSERT INTO storage_data_keys (storage_key, master_key_id, wrapped_key) VALUES ($1, $2, $3)
       ON CONFLICT (storage_key) DO UPDATE SET master_key_id = $2, wrapped_key = $3, created_at = now()`,
      [wrapped.storageKey, wrapped.masterKeyId, wrapped.wrapped],
    );
  }

  /** Replaces a wrapping only if it is still the one that was read (a concurrent write wins). */
  async rewrap(old: WrappedDataKey, next: WrappedDataKey): Promise<boolean> {
    const res = await this.db.query<[unknown[], number]>(
      `UPDATE storage_data_keys SET master_key_id = $2, wrapped_key = $3
        WHERE storage_key = $1 AND master_key_id = $4 AND wrapped_key = $5`,
      [next.storageKey, next.masterKeyId, next.wrapped, old.masterKeyId, old.wrapped],
    );
    return res[1] > 0;
  }

  async delete(storageKey: string): Promise<void> {
    await this.db.query('DELETE FROM storage_data_keys WHERE storage_key = $1', [storageKey]);
  }

  /** Up to `limit` keys wrapped by another master key than `currentId`, after `afterKey`. */
  async wrappedByOthers(currentId: string, afterKey: string, limit: number): Promise<WrappedDataKey[]> {
    const rows = await this.db.query<Row[]>(
      `SELECT storage_key, master_key_id, wrapped_key FROM storage_data_keys
        WHERE master_key_id <> $1 AND storage_key > $2 ORDER BY storage_key LIMIT $3`,
      [currentId, afterKey, limit],
    );
    return rows.map(toKey);
  }

  async masterKeyIdsInUse(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      'SELECT DISTINCT master_key_id AS id FROM storage_data_keys',
    );
    return rows.map((r) => r.id);
  }

  async checkValues(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; check_value: string }[]>(
      'SELECT id, check_value FROM encryption_master_keys',
    );
    return new Map(rows.map((r) => [r.id, r.check_value]));
  }

  async rememberCheckValue(id: string, value: string): Promise<void> {
    await this.db.query(
      'INSERT INTO encryption_master_keys (id, check_value) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
      [id, value],
    );
  }
}
