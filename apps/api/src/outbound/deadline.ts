import { OutboundTimeoutError } from './outbound.types';

interface Destroyable {
  destroyed: boolean;
  destroy(err?: Error): unknown;
}

/** One time cap over several streams: when it passes, every tracked stream still open is destroyed. */
export class Deadline {
  private readonly tracked = new Set<Destroyable>();
  private readonly timer: NodeJS.Timeout;
  expired = false;

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => this.expire(), ms).unref();
  }

  track(stream: Destroyable): void {
    if (this.expired) stream.destroy(new OutboundTimeoutError(this.ms));
    else this.tracked.add(stream);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.tracked.clear();
  }

  private expire(): void {
    this.expired = true;
    const err = new OutboundTimeoutError(this.ms);
    for (const s of this.tracked) if (!s.destroyed) s.destroy(err);
    this.tracked.clear();
  }
}
