import { Worker } from 'node:worker_threads';

/**
 * Runs in the thread: seals `input` into `out` (ciphertext, then the 16-byte tag), or opens a
 * sealed segment into `out` and answers `failed` when it does not authenticate. Both buffers are
 * the caller's reused shared memory, so nothing is transferred back: buffers adopted from another
 * thread count as external memory until a full GC and set off one every ~100 ms.
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createDecipheriv } = require('node:crypto');
const TAG = 16;
function seal(m, out) {
  const cipher = createCipheriv('aes-256-gcm', m.key, m.nonce);
  cipher.setAAD(m.aad);
  cipher.update(new Uint8Array(m.input, 0, m.length)).copy(out, 0);
  cipher.final();
  cipher.getAuthTag().copy(out, m.length);
  return {};
}
function open(m, out) {
  const decipher = createDecipheriv('aes-256-gcm', m.key, m.nonce);
  decipher.setAAD(m.aad);
  decipher.setAuthTag(new Uint8Array(m.input, m.length - TAG, TAG));
  decipher.update(new Uint8Array(m.input, 0, m.length - TAG)).copy(out, 0);
  try {
    decipher.final();
    return {};
  } catch {
    return { failed: true };
  }
}
parentPort.on('message', (m) => {
  try {
    const out = Buffer.from(m.out);
    parentPort.postMessage({ id: m.id, ...(m.op === 'seal' ? seal(m, out) : open(m, out)) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String(err && err.message) });
  }
});`;

/** `ok` is false when an opened segment failed authentication. */
export type CipherDone = (err: Error | null, ok?: boolean) => void;

export interface CipherRequest {
  op: 'seal' | 'open';
  key: Buffer;
  nonce: Buffer;
  aad: Buffer;
  /** The first `length` bytes of `input` (shared with the thread: no copy). */
  input: SharedArrayBuffer;
  length: number;
  /** Where the result goes: `length` + 16 bytes when sealing, `length` - 16 when opening. */
  out: SharedArrayBuffer;
}

/**
 * AES-256-GCM on a thread of its own, so sealing and opening large files does not take the event
 * loop's time (the cipher costs about a third of the rest of the upload path). Requests are
 * answered in the order they were sent. Started on first use; it keeps the process alive only
 * while a request is pending.
 */
export class CipherThread {
  private worker?: Worker;
  private readonly pending = new Map<number, CipherDone>();
  private nextId = 0;

  run(req: CipherRequest, done: CipherDone): void {
    const id = this.nextId++;
    const worker = this.thread();
    if (this.pending.size === 0) worker.ref();
    this.pending.set(id, done);
    worker.postMessage({ id, ...req });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_CODE, { eval: true });
    worker.on('message', (m: { id: number; error?: string; failed?: boolean }) => {
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.error) done?.(new Error(`the cipher thread failed: ${m.error}`));
      else done?.(null, !m.failed);
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const done of waiting) done(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the cipher thread exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the thread again.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

let shared: CipherThread | undefined;

/** The process's one cipher thread. */
export function cipherThread(): CipherThread {
  return (shared ??= new CipherThread());
}
