import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { SessionStore } from '../core/session.store';
import { NAV_ITEMS } from './nav-items';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageMenu } from '../i18n/language-menu';

@Component({
  selector: 'sc-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenavModule,
    MatToolbarModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatDividerModule,
    MatTooltipModule,
    TranslocoPipe,
    LanguageMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  readonly session = inject(SessionStore);
  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 900px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  readonly main = computed(() =>
    NAV_ITEMS.filter(
      (i) =>
        !i.path.startsWith('/settings') &&
        (!i.adminOnly || this.session.isAdmin()) &&
        (!i.ownerOnly || this.session.role() === 'owner'),
    ),
  );
  readonly settings = computed(() =>
    this.session.isAdmin() ? NAV_ITEMS.filter((i) => i.path.startsWith('/settings')) : [],
  );
  readonly accountName = computed(() => this.session.me()?.account?.name ?? '');

  logout(): void {
    void this.session.logout();
  }
}
