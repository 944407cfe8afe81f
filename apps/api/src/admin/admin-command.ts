import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { resetPasswordOffline } from './owner-recovery';

const USAGE = 'Usage: npm run admin -- reset-password <email>';

/** The embedded database of a running Satchel if it answers, else started here for the command. */
async function databaseFor(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.database.url) return { url: config.database.url };
  const url = `postgres://postgres:postgres@127.0.0.1:${config.database.embeddedPort}/satchel`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return { url };
  } catch {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort);
    return { url: embedded.url, embedded };
  }
}

/** `node dist/apps/api/main.js admin <command> …`: server-side commands; returns the exit code. */
export async function runAdminCommand(
  config: AppConfig,
  args: string[],
  out: NodeJS.WritableStream,
): Promise<number> {
  const [command, email] = args;
  if (command !== 'reset-password' || !email) {
    out.write(`${USAGE}\n`);
    return 64;
  }
  const db = await databaseFor(config);
  try {
    await runMigrations(db.url);
    const result = await resetPasswordOffline(config, db.url, email);
    if (!result) {
      out.write(`No user with the email ${email}\n`);
      return 1;
    }
    out.write(
      [
        `One-time password for ${result.email}: ${result.password}`,
        'Sign in with it and choose a new password under your profile. Every session of this user was signed out.',
        result.totpRemoved
          ? 'Two-factor sign-in was turned off for this user; enrol again after signing in.'
          : '',
        '',
      ]
        .filter((l, i, all) => l || i === all.length - 1)
        .join('\n'),
    );
    return 0;
  } finally {
    await db.embedded?.stop();
  }
}
