import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { fullTime, relativeTime } from '@satchel/domain';
import { Locale } from '../i18n/locale.service';
import { Clock } from './clock';

/** "2 min ago" in the console's language; the full date and time (viewer's time zone) on hover. */
@Component({
  selector: 'sc-time',
  template: `<time [attr.datetime]="at()" [title]="full()">{{ text() }}</time>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelativeTime {
  private readonly locale = inject(Locale);
  private readonly clock = inject(Clock);
  readonly at = input.required<string>();
  private readonly ms = computed(() => Date.parse(this.at()));
  readonly text = computed(() => relativeTime(this.ms(), this.clock.now(), this.locale.lang()));
  readonly full = computed(() => fullTime(this.ms(), this.locale.lang()));
}
