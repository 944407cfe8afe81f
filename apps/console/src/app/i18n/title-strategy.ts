import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { Locale } from './locale.service';
import { tOptional } from './translate';

/** Route titles are catalogue keys: "Dateien · Satchel"; a title that is no key is shown as written. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly locale = inject(Locale);
  private current: string | undefined;
  /** Unread messages shown in front of the title ("(3) Inbox · Satchel"); 0 for none. */
  readonly badge = signal(0);

  constructor() {
    super();
    effect(() => {
      this.locale.lang();
      this.badge();
      this.apply();
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.current = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    if (this.current === undefined) return;
    const text = tOptional(this.current) ?? this.current;
    const full = text.includes('Satchel') ? text : `${text} · Satchel`;
    const n = this.badge();
    this.title.setTitle(n > 0 ? `(${n}) ${full}` : full);
  }
}
