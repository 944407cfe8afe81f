import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { linkify } from '@satchel/domain';

/** A message's text with its line breaks, http(s) and mailto addresses as links (never HTML). */
@Component({
  selector: 'sc-message-text',
  // One line: any whitespace between the parts would show in the pre-wrapped text.
  // prettier-ignore
  template: `@for (p of parts(); track $index) {@if (p.href) {<a [href]="p.href" target="_blank" rel="noopener noreferrer">{{ p.text }}</a>} @else {<span>{{ p.text }}</span>}}`,
  styles: `
    :host {
      display: block;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageText {
  readonly text = input.required<string>();
  readonly parts = computed(() => linkify(this.text()));
}
