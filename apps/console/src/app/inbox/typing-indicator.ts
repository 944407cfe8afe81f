import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { TypingEvent } from '@satchel/contracts';
import { TYPING_SHOWN_MS } from '@satchel/domain';
import { InboxLive } from './inbox-live';

/** Which visitors are typing, per chat: shown until they stop, or a while after their last sign. */
@Injectable()
export class TypingIndicator {
  private readonly typing = signal<ReadonlyMap<string, string>>(new Map());
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    inject(InboxLive)
      .typing.pipe(takeUntilDestroyed())
      .subscribe((e) => this.onTyping(e));
    inject(DestroyRef).onDestroy(() => this.timers.forEach((t) => clearTimeout(t)));
  }

  /** The name of the visitor typing in this chat, or null. */
  who(chatId: string): string | null {
    return this.typing().get(chatId) ?? null;
  }

  /** Their message arrived: they are no longer typing it. */
  stopped(chatId: string): void {
    this.set(chatId, null);
  }

  private onTyping(e: TypingEvent): void {
    if (e.role !== 'visitor') return;
    this.set(e.chatId, e.typing ? e.name : null);
  }

  private set(chatId: string, name: string | null): void {
    clearTimeout(this.timers.get(chatId));
    this.timers.delete(chatId);
    const next = new Map(this.typing());
    if (name === null) next.delete(chatId);
    else {
      next.set(chatId, name);
      this.timers.set(
        chatId,
        setTimeout(() => this.set(chatId, null), TYPING_SHOWN_MS),
      );
    }
    this.typing.set(next);
  }
}
