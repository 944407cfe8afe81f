import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from './net';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');

/** A built API (or worker) process on loopback. */
export interface BuiltApi {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
  /** SIGKILL: what a crash or an OOM kill looks like. */
  kill(): Promise<number | null>;
}

/** Starts dist/apps/api/main.js (or `--worker`) with `env` and waits until `ready` appears in its output. */
export async function startBuiltApi(
  env: Record<string, string>,
  args: string[] = [],
  ready = args.includes('--worker') ? 'worker is processing jobs' : 'Satchel is running',
): Promise<BuiltApi> {
  const port = env['PORT'] ?? String(await freePort());
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: port, LOG_LEVEL: 'warn', ...env },
    cwd: WORKSPACE_ROOT,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`API did not start in time:\n${out}`)), 60000);
    const check = () => {
      if (!out.includes(ready)) return;
      clearTimeout(timer);
      ok();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`API exited with ${code}:\n${out}`));
    });
  });
  const signal = (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    exited,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
