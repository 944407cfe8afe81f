import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as `null` (unlike `@IsOptional()`, which skips validation for null):
 * for fields whose column has no "empty" value, so `{"name": null}` is a 400, not a failed write.
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
