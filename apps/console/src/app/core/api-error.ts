import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@satchel/contracts';

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
    if (isErrorBody(err.error)) return err.error.error;
    if (err.status === 0) return 'Cannot reach the Satchel server. Check your connection and try again.';
    if (err.status === 403) return 'You do not have permission to do this.';
    if (err.status === 404) return 'Not found: it may have been deleted.';
    if (err.status >= 500) return `The server failed (${err.status}). Try again in a moment.`;
    return `Request failed (${err.status} ${err.statusText}).`;
  }
  return err instanceof Error ? err.message : 'Something went wrong.';
}

/** The field a 400 names, when the server says which one is wrong. */
export function errorField(err: unknown): string | undefined {
  return err instanceof HttpErrorResponse && isErrorBody(err.error) ? err.error.field : undefined;
}
