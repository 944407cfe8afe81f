import { DomainError } from '../../common/errors/domain-errors';

/** What `@tus/server` answers for a thrown error with `status_code` and `body`: the API's JSON error body. */
export class TusRefusal extends Error {
  readonly body: string;

  constructor(
    readonly status_code: number,
    message: string,
    extra: Record<string, unknown>,
  ) {
    super(message);
    this.body = JSON.stringify({ error: message, ...extra });
  }
}

export function tusRefusal(status: number, message: string, extra: Record<string, unknown>): TusRefusal {
  return new TusRefusal(status, message, extra);
}

/** A domain error keeps its status, message and `code`; anything else is left to the tus server (500). */
export function asTusError(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  return tusRefusal(err.status, err.message, { code: err.code, ...err.extra });
}
