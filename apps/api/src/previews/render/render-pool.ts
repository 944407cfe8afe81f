import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  InputRejectedError,
  type PreviewKind,
  type RenderLimits,
  type RenderOutput,
  type RenderReply,
} from './render-protocol';

/** The renderer process died mid-render (out of memory, killed): worth another try. */
export class RendererCrashedError extends Error {}

export interface RenderPoolOptions {
  /** The renderer's entry file; by default the built `preview-renderer.js` or, under ts-jest, the source. */
  entry?: string;
  /** V8 heap ceiling of the renderer process. */
  heapMb: number;
}

/** Where the renderer's entry is: next to the webpack bundle, or the TypeScript source in tests. */
export function defaultRendererEntry(): string {
  const built = join(__dirname, 'preview-renderer.js');
  return existsSync(built) ? built : join(__dirname, 'render-worker.main.ts');
}

interface InFlight {
  id: number;
  resolve: (out: RenderOutput) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  child: ChildProcess;
}

/**
 * One long-lived renderer process, one render at a time (callers queue), started on first use.
 * A render that overruns its time limit kills the process (SIGKILL) and the next render gets a
 * fresh one; the API itself never decodes a file.
 */
export class RenderPool {
  private child: ChildProcess | undefined;
  private current: InFlight | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: RenderPoolOptions) {}

  render(kind: PreviewKind, input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
    const run = this.queue.then(() => this.renderNow(kind, input, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }

  private renderNow(kind: PreviewKind, input: Uint8Array, limits: RenderLimits): Promise<RenderOutput> {
    if (this.closed) return Promise.reject(new RendererCrashedError('Renderer stopped'));
    const child = this.spawn();
    return new Promise<RenderOutput>((resolve, reject) => {
      const id = this.nextId++;
      // The decoders' own limits come first; this one catches a hung or runaway decoder.
      const timer = setTimeout(
        () => {
          this.settle(new InputRejectedError(`Rendering took longer than ${limits.timeoutSeconds} s`));
          if (this.child === child) this.child = undefined;
          child.kill('SIGKILL');
        },
        limits.timeoutSeconds * 1000 + 2000,
      );
      this.current = { id, resolve, reject, timer, child };
      child.send({ id, kind, input, limits }, (err) => {
        if (err) this.settle(new RendererCrashedError(`Renderer unreachable: ${err.message}`));
      });
    });
  }

  private settle(result: Error | RenderReply): void {
    const job = this.current;
    if (!job || (!(result instanceof Error) && result.id !== job.id)) return;
    this.current = undefined;
    clearTimeout(job.timer);
    if (result instanceof Error) job.reject(result);
    else if (result.ok) job.resolve(result.out);
    else job.reject(new InputRejectedError(result.message));
  }

  private spawn(): ChildProcess {
    if (this.child) return this.child;
    const entry = this.opts.entry ?? defaultRendererEntry();
    const execArgv = [`--max-old-space-size=${this.opts.heapMb}`];
    if (entry.endsWith('.ts')) execArgv.push('-r', 'ts-node/register/transpile-only');
    const child = fork(entry, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../../../tsconfig.jest.json') },
    });
    // Only the tail of what it printed matters: whether it died of its heap limit.
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4096)));
    child.on('message', (reply: RenderReply) => this.settle(reply));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      // A process killed for overrunning has already answered for its render.
      if (this.current?.child !== child) return;
      const oom = /heap out of memory|Allocation failed/i.test(stderr) ? ', out of memory' : '';
      this.settle(new RendererCrashedError(`Renderer exited (${signal ?? `code ${code}`}${oom})`));
    });
    this.child = child;
    return child;
  }
}
