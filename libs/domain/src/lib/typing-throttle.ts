/** Clients send at most one "typing" per this many ms while typing, and a stop after the idle time. */
export const TYPING_EVERY_MS = 2000;
export const TYPING_IDLE_MS = 5000;

/**
 * The sending side of a typing indicator: call `input()` on every keystroke and `stop()` on send.
 * `emit(true)` at most once per `TYPING_EVERY_MS`; `emit(false)` after `TYPING_IDLE_MS` without input.
 */
export class TypingThrottle {
  private sentAt = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  input(): void {
    const now = this.now();
    if (now - this.sentAt >= TYPING_EVERY_MS) {
      this.sentAt = now;
      this.emit(true);
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (!this.sentAt) return;
    this.sentAt = 0;
    this.emit(false);
  }
}

/** How long a "typing" shows without a fresh one (covers a lost stop). */
export const TYPING_SHOWN_MS = 7000;
