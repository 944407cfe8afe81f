#!/usr/bin/env node
// `npm run admin -- reset-password <email>`: server-side commands of the built API (run `npm run build`
// or `npm start` once first). Uses the same environment as the server (DATABASE_URL, DATA_DIR, ...).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { API_ENV, API_MAIN } from './api-process.mjs';

if (!existsSync(API_MAIN)) {
  process.stderr.write(`${API_MAIN} is missing: build the API first (npm run build)\n`);
  process.exit(1);
}
const run = spawnSync(process.execPath, [API_MAIN, 'admin', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...API_ENV, ...process.env },
});
process.exit(run.status ?? 1);
