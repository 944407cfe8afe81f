import { spawn } from 'node:child_process';
import { InputRejectedError } from './render-protocol';

export interface ToolRun {
  stdout: Buffer;
}

/**
 * Runs a decoder (ffmpeg, heif-convert) with a time limit and a cap on what it may print. A
 * failure says which tool refused the file, never where the file was.
 */
export function runTool(
  cmd: string,
  args: string[],
  opts: { timeoutMs: number; maxStdout: number; scrub: string },
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new InputRejectedError(`${cmd} took longer than ${opts.timeoutMs / 1000} s`)),
      opts.timeoutMs,
    );
    child.stdout.on('data', (c: Buffer) => {
      outBytes += c.length;
      if (outBytes > opts.maxStdout) stop(new InputRejectedError(`${cmd} output too large`));
      else out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-2000)));
    child.on('error', (e) => stop(new Error(`${cmd} could not start: ${e.message}`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code !== 0) {
        const last = err.split(opts.scrub).join('').trim().split('\n').pop() ?? '';
        return reject(new InputRejectedError(`${cmd} could not read the file${last ? `: ${last}` : ''}`));
      }
      resolve({ stdout: Buffer.concat(out, outBytes) });
    });
  });
}
