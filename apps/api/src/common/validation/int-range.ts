import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const PLAIN_INTEGER = /^-?\d{1,15}$/;

/** Query strings carry text: only plain decimal integers become numbers (`1e20`, `0x10`, `1.5` do not). */
export function toPlainInteger(value: unknown): unknown {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && PLAIN_INTEGER.test(value) ? Number(value) : Number.NaN;
}

/**
 * An optional integer parameter within [min, max]. Every refusal names the allowed range and carries
 * `code: OUT_OF_RANGE`, `min` and `max` in the 400 body.
 */
export function OptionalIntRange(min: number, max: number, description?: string) {
  const opts = {
    message: `$property must be an integer from ${min} to ${max}`,
    context: { code: 'OUT_OF_RANGE', min, max },
  };
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, description }),
    IsOptional(),
    Transform(({ value }) => toPlainInteger(value)),
    IsInt(opts),
    Min(min, opts),
    Max(max, opts),
  );
}
