import { Injectable, OnDestroy, signal } from '@angular/core';

const TICK_MS = 30_000;

/** The time, refreshed every 30 s, so relative timestamps ("2 min ago") move on their own. */
@Injectable({ providedIn: 'root' })
export class Clock implements OnDestroy {
  readonly now = signal(Date.now());
  private readonly timer = setInterval(() => this.now.set(Date.now()), TICK_MS);

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }
}
