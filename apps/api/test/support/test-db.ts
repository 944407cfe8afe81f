import { createDatabase, type TestDatabase } from '@satchel/testing';
import { runMigrations } from '../../src/database/migrate';

export type { TestDatabase };

/** A fresh database for one test file, built by the real migrations. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase({ migrate: runMigrations });
}
