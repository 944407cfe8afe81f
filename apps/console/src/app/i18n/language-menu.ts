import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGS, type Lang } from './langs';
import { Locale } from './locale.service';

/** The toolbar's language switch; the choice is remembered in this browser. */
@Component({
  selector: 'sc-language-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  template: `
    <button
      mat-button
      type="button"
      class="lang-button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="('shell.language' | transloco) + ': ' + current().name"
      data-testid="language-menu"
    >
      <mat-icon aria-hidden="true">translate</mat-icon>
      <span [attr.lang]="current().code">{{ current().name }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (l of langs; track l.code) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="l.code === locale.lang()"
          [attr.lang]="l.code"
          (click)="choose(l.code)"
        >
          <mat-icon aria-hidden="true">{{ l.code === locale.lang() ? 'check' : '' }}</mat-icon>
          <span>{{ l.name }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .lang-button {
      margin-inline-end: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenu {
  readonly locale = inject(Locale);
  readonly langs = LANGS;
  readonly current = computed(() => LANGS.find((l) => l.code === this.locale.lang()) ?? LANGS[0]);

  choose(lang: Lang): void {
    void this.locale.use(lang, true);
  }
}
