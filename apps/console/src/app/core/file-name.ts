import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** "report.final.pdf" → stem "report.final", extension ".pdf"; names without one keep it empty. */
export function splitFileName(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  // A leading dot (".env") or a very long "extension" is part of the name, not a type.
  if (dot <= 0 || name.length - dot > 12) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/**
 * A file name that never breaks inside its extension: `wrap` breaks the stem anywhere and keeps
 * the extension whole; `ellipsis` shortens the middle ("quarterly-rep….pdf") with the full name as
 * a tooltip.
 */
@Component({
  selector: 'sc-file-name',
  template: `<span class="stem">{{ parts().stem }}</span
    ><span class="ext">{{ parts().ext }}</span>`,
  host: {
    '[class.ellipsis]': "mode() === 'ellipsis'",
    '[attr.title]': "mode() === 'ellipsis' ? name() : null",
  },
  styles: `
    :host {
      overflow-wrap: anywhere;
      min-width: 0;
    }
    .ext {
      white-space: nowrap;
    }
    :host(.ellipsis) {
      display: flex;
      max-width: 100%;
      white-space: nowrap;
    }
    :host(.ellipsis) .stem {
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 1ch;
    }
    :host(.ellipsis) .ext {
      flex: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileName {
  readonly name = input.required<string>();
  readonly mode = input<'wrap' | 'ellipsis'>('wrap');
  readonly parts = computed(() => splitFileName(this.name()));
}
