import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { t } from '../../i18n/translate';

/** The one tag a customer pastes: the widget is served by this Satchel, next to the console. */
export function embedSnippet(consoleOrigin: string, widgetKey: string): string {
  return `<script src="${consoleOrigin}/widget/widget.js" data-widget-key="${widgetKey}" async></script>`;
}

export const MAX_ALLOWED_ORIGINS = 50;
const ORIGIN =
  /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?\/?$/i;

/** The textarea's lines without blanks. */
export function originLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The first line the API would refuse (same rule: scheme://host[:port], no path), as a readable message. */
export function originsProblem(text: string): string | null {
  const lines = originLines(text);
  if (lines.length > MAX_ALLOWED_ORIGINS) return t('install.tooMany', { max: MAX_ALLOWED_ORIGINS });
  const bad = lines.find((l) => !ORIGIN.test(l));
  return bad ? t('install.notOrigin', { line: bad }) : null;
}

export function allowedOriginsValidator(control: AbstractControl<string>): ValidationErrors | null {
  const problem = originsProblem(control.value ?? '');
  return problem ? { origins: problem } : null;
}
