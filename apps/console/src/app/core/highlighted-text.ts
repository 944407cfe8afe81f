import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { HighlightSegment } from '@satchel/contracts';

/** Search excerpts as text nodes with the matches in `<mark>` (the server sends plain text, never HTML). */
@Component({
  selector: 'sc-highlighted-text',
  template: `@for (s of segments(); track $index) {
    @if (s.match) {
      <mark>{{ s.text }}</mark>
    } @else {
      {{ s.text }}
    }
  }`,
  styles: `
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 2px;
      padding: 0 1px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HighlightedText {
  readonly segments = input.required<HighlightSegment[]>();
}
