import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL = process.env['TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export interface DatabaseOptions {
  /** Name prefix, so leftovers show which suite made them. */
  prefix?: string;
  /** Builds the schema (the API's migrations); without it the database stays empty. */
  migrate?: (url: string) => Promise<unknown>;
}

async function asAdmin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh PostgreSQL database for one test file. */
export async function createDatabase({
  prefix = 'satchel_test',
  migrate,
}: DatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = {
    url: url.toString(),
    name,
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
  if (migrate)
    await migrate(db.url).catch(async (err: unknown) => {
      await db.drop();
      throw err;
    });
  return db;
}
