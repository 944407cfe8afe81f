import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@satchel/contracts';
import { t, tOptional } from '../i18n/translate';

function isErrorBody(body: unknown): body is ErrorResponse {
  return typeof body === 'object' && body !== null && typeof (body as ErrorResponse).error === 'string';
}

/** A service Satchel needs is down (503) or storage is full (507): nothing the person did wrong. */
const TRY_LATER =
  'Satchel cannot do this right now because a service it needs is unavailable. Try again later.';

/** A message a person can act on, from any failed API call. */
export function errorMessage(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    if ((err.status === 503 || err.status === 507) && !isErrorBody(err.error)) return TRY_LATER;
    if (isErrorBody(err.error)) return codeMessage(err.error) ?? err.error.error;
    if (err.status === 0) return t('errors.offline');
    if (err.status === 403) return t('errors.forbidden');
    if (err.status === 404) return t('errors.notFound');
    if (err.status >= 500) return t('errors.server', { status: err.status });
    return t('errors.request', { status: err.status, statusText: err.statusText });
  }
  return err instanceof Error ? err.message : t('errors.unknown');
}

/** The server's stable `code` in the reader's language, when the catalogue knows it. */
function codeMessage(body: ErrorResponse): string | undefined {
  return body.code ? tOptional(`errors.${body.code}`, body) : undefined;
}

/** The field a 400 names, when the server says which one is wrong. */
export function errorField(err: unknown): string | undefined {
  return err instanceof HttpErrorResponse && isErrorBody(err.error) ? err.error.field : undefined;
}
