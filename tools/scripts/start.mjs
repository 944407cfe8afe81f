#!/usr/bin/env node
// `npm start`: build every app (API, console, widget), then run the API with its in-process worker.
// With DATABASE_URL unset an embedded PostgreSQL starts under .data/. `--worker` runs only the worker.
import { spawnSync, spawn } from 'node:child_process';
import { API_ENV, API_MAIN, API_NODE_ARGS } from './api-process.mjs';

const worker = process.argv.includes('--worker');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(process.execPath, [...API_NODE_ARGS, API_MAIN, ...(worker ? ['--worker'] : [])], {
  stdio: 'inherit',
  env: { ...API_ENV, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
