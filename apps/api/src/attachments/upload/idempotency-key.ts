import type { Request } from 'express';
import { ValidationError } from '../../common/errors/domain-errors';

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The request's `Idempotency-Key` header, if any (8–100 of `A-Z a-z 0-9 _ . : -`). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new ValidationError(
      'Idempotency-Key must be 8 to 100 letters, digits, "_", ".", ":" or "-"',
      'Idempotency-Key',
    );
  }
  return key;
}

/** PostgreSQL's unique_violation: a concurrent request with the same key stored its rows first. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown })?.code === '23505';
}
