#!/usr/bin/env node
// `npm test`: every check and test — format, lint (module boundaries included), type-check, unit,
// integration and HTTP/socket e2e on the real PostgreSQL and Redis, process-level e2e on the built
// API, and browser e2e in Chromium. Ends with one summary line: "Tests: N passed, N failed".
import { spawn } from 'node:child_process';

const steps = [
  ['format', ['npx', 'prettier', '--check', '.']],
  ['lint', ['npx', 'nx', 'run-many', '-t', 'lint', '--parallel=2', '--outputStyle=static']],
  ['boundaries', ['node', 'tools/scripts/check-boundaries.mjs']],
  ['typecheck', ['npx', 'nx', 'run-many', '-t', 'typecheck', '--parallel=2', '--outputStyle=static']],
  ['unit + integration', ['npx', 'nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=static']],
  ['e2e', ['npx', 'nx', 'run-many', '-t', 'e2e', '--parallel=1', '--outputStyle=static']],
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(name, [cmd, ...args]) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NX_DAEMON: 'false' },
    });
    let out = '';
    const tee = (stream) => (d) => {
      out += d.toString();
      stream.write(d);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

function countJest(out) {
  for (const m of out.matchAll(/^Boundaries: (\d+) passed, (\d+) failed$/gm)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  for (const m of out.matchAll(/^Tests:\s+(.*?)(\d+) total$/gm)) {
    failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
    passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
  }
}

for (const [name, command] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  const { code, out } = await run(name, command);
  countJest(out);
  if (code !== 0) failures.push(name);
}

process.stdout.write(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed'}\n`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed\n`);
process.exit(failures.length || failed ? 1 : 0);
