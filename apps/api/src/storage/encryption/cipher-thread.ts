import { Worker } from 'node:worker_threads';

/**
 * Runs in the thread: seals `plain` into `out` (ciphertext, then the 16-byte tag). Both are shared
 * memory the event loop allocated, so nothing is transferred back: buffers adopted from another
 * thread count as external memory until a full GC and set off one every ~100 ms.
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
parentPort.on('message', (m) => {
  const out = Buffer.from(m.out);
  try {
    const cipher = createCipheriv('aes-256-gcm', m.key, m.nonce);
    cipher.setAAD(m.aad);
    cipher.update(new Uint8Array(m.plain, 0, m.length)).copy(out, 0);
    cipher.final();
    cipher.getAuthTag().copy(out, m.length);
    parentPort.postMessage({ id: m.id });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String(err && err.message) });
  }
});`;

export type Sealed = (err: Error | null, sealed?: Buffer) => void;

export interface SealRequest {
  key: Buffer;
  nonce: Buffer;
  aad: Buffer;
  /** The plaintext is the first `length` bytes of `plain`, shared with the thread (no copy). */
  plain: SharedArrayBuffer;
  length: number;
}

/**
 * AES-256-GCM on a thread of its own, so sealing large uploads does not take the event loop's time
 * (the cipher costs about a third of the rest of the upload path). Requests are answered in the
 * order they were sent. Started on first use; it keeps the process alive only while a request is
 * pending.
 */
export class CipherThread {
  private worker?: Worker;
  private readonly pending = new Map<number, { out: SharedArrayBuffer; done: Sealed }>();
  private nextId = 0;

  seal(req: SealRequest, done: Sealed): void {
    const id = this.nextId++;
    const out = new SharedArrayBuffer(req.length + 16);
    const worker = this.thread();
    if (this.pending.size === 0) worker.ref();
    this.pending.set(id, { out, done });
    worker.postMessage({ id, out, ...req });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_CODE, { eval: true });
    worker.on('message', (m: { id: number; error?: string }) => {
      const request = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (!request) return;
      if (m.error) request.done(new Error(`sealing failed: ${m.error}`));
      else request.done(null, Buffer.from(request.out));
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const { done } of waiting) done(err);
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
