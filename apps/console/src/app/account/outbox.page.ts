import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import type { MailOutboxItemDto } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { LocalDatePipe } from '../i18n/format.pipes';
import { AccountApi } from './account.api';

/** Emails written locally because no SMTP server is configured (the owner's view). */
@Component({
  selector: 'sc-outbox-page',
  imports: [MatButtonModule, MatExpansionModule, TranslocoPipe, LocalDatePipe],
  templateUrl: './outbox.page.html',
  styles: '.mail-text { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage implements OnInit {
  private readonly api = inject(AccountApi);
  readonly items = signal<MailOutboxItemDto[]>([]);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    try {
      this.items.set(await firstValueFrom(this.api.outbox()));
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.loaded.set(true);
    }
  }
}
