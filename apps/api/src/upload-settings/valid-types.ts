import { InvalidTypeListError, normalizeAllowedTypes } from '@satchel/domain';
import { ValidationError } from '../common/errors/domain-errors';

/** A pipe list normalized (`pdf|xlsx`), or a 400 naming the field and the bad token. */
export function validTypes(list: string, field: string): string {
  try {
    return normalizeAllowedTypes(list);
  } catch (err) {
    if (err instanceof InvalidTypeListError)
      throw new ValidationError(err.message, field, { token: err.token });
    throw err;
  }
}
