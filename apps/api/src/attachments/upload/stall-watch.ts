import type { Readable } from 'node:stream';

export interface StallLimit {
  /** Window length. */
  ms: number;
  /** Fewer body bytes than this within a window is a stall (1: "no byte at all"). */
  minBytes: number;
}

/**
 * Calls `onStall` when `body` delivered fewer than `minBytes` in `ms` while it was flowing, so a
 * body trickled at a byte a second is cut like a silent one. A paused body is waiting on us
 * (backpressure from storage), not on the client: that time does not count. Returns a stop function.
 */
export function watchForStall(body: Readable, limit: StallLimit, onStall: () => void): () => void {
  let bytes = 0;
  const check = () => {
    if (body.isPaused()) {
      bytes = 0;
      return void timer.refresh();
    }
    stop();
    onStall();
  };
  const timer = setTimeout(check, limit.ms);
  timer.unref();
  const onData = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes < limit.minBytes) return;
    bytes = 0;
    timer.refresh();
  };
  const stop = () => {
    clearTimeout(timer);
    body.off('data', onData).off('end', stop);
  };
  body.on('data', onData).once('end', stop);
  return stop;
}
