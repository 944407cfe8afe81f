/** Smoothed upload speed and time left, from progress samples of one attempt. */
export class TransferRate {
  private last: { at: number; loaded: number } | null = null;
  private bytesPerSecond = 0;

  /** Forgets the previous attempt: a resumed upload starts from its offset, not from zero bytes per second. */
  reset(): void {
    this.last = null;
    this.bytesPerSecond = 0;
  }

  sample(loaded: number, at: number): void {
    if (!this.last) {
      this.last = { at, loaded };
      return;
    }
    const dt = at - this.last.at;
    // Samples closer than this are noise (XHR may fire many events per millisecond).
    if (dt < 250) return;
    const now = ((loaded - this.last.loaded) * 1000) / dt;
    this.bytesPerSecond = this.bytesPerSecond ? this.bytesPerSecond * 0.6 + now * 0.4 : now;
    this.last = { at, loaded };
  }

  /** Bytes per second, 0 until two samples are far enough apart. */
  get speed(): number {
    return Math.max(0, Math.round(this.bytesPerSecond));
  }

  /** Seconds left for `remaining` bytes at the current speed, null while unknown. */
  eta(remaining: number): number | null {
    return this.speed > 0 ? Math.ceil(remaining / this.speed) : null;
  }
}
