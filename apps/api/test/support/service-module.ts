import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { FirstStartService } from '../../src/accounts/first-start.service';
import { AppModule } from '../../src/app/app.module';
import type { ActorContext } from '../../src/audit/audit.service';
import type { Principal } from '../../src/common/auth/principal';
import type { AppConfig } from '../../src/config/app-config';
import { testConfig } from './test-app';
import { createTestDatabase, type TestDatabase } from './test-db';

/**
 * The application's real module graph (AppModule, as the app runs it) on a per-file migrated
 * database, the real Redis and a temp data dir, without HTTP: services are taken with `get`.
 */
export interface ServiceModule {
  moduleRef: INestApplicationContext;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  /** The first account's owner, as a controller would pass it on. */
  owner: ActorContext;
  close(): Promise<void>;
}

export async function startServiceModule(env: Record<string, string> = {}): Promise<ServiceModule> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'satchel-service-'));
  const config = testConfig(db, dataDir, env);
  // The real module graph; @nestjs/testing is not a dependency, and overrides are not needed here.
  const moduleRef = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  await moduleRef.get(FirstStartService).ensureOwner();
  const dataSource = moduleRef.get(DataSource);
  return {
    moduleRef,
    config,
    db,
    dataSource,
    owner: { principal: await ownerPrincipal(dataSource), ip: '127.0.0.1' },
    close: async () => {
      await moduleRef.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function ownerPrincipal(ds: DataSource): Promise<Principal> {
  const [u] = await ds.query<{ id: string; account_id: string; name: string }[]>(
    `SELECT id, account_id, name FROM users WHERE role = 'owner' ORDER BY created_at LIMIT 1`,
  );
  return {
    kind: 'user',
    role: 'owner',
    accountId: u.account_id,
    userId: u.id,
    name: u.name,
    tokenId: 'service-test',
  };
}

/** A multipart/form-data body with the given files in "files" and plain fields. */
export function multipartRequest(
  files: { name: string; type: string; data: Buffer }[],
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Request {
  const boundary = 'satchel-service-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  const all: Record<string, string> = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(body.length),
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
  // What the upload path reads of an express request: headers, the body stream, `complete`, the socket.
  const req = Object.assign(Readable.from([body]), {
    headers: all,
    header: (name: string) => all[name.toLowerCase()],
    complete: false,
    socket: { destroy: () => undefined },
  });
  req.once('end', () => (req.complete = true));
  return req as unknown as Request;
}
