import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from '../errors/domain-errors';

interface Problem {
  field: string;
  message: string;
  /** A decorator's `context` (e.g. `{code: 'OUT_OF_RANGE', min, max}`), merged into the 400 body. */
  extra?: Record<string, unknown>;
}

function firstProblem(errors: ClassValidatorError[], prefix = ''): Problem {
  const first = errors[0];
  if (!first) return { field: '', message: 'Invalid request' };
  const field = `${prefix}${first.property}`;
  if (first.constraints) {
    const [name, message = `${field} is invalid`] = Object.entries(first.constraints)[0] ?? [];
    const extra = name ? (first.contexts?.[name] as Record<string, unknown> | undefined) : undefined;
    return {
      field,
      message: message.startsWith(first.property)
        ? `${field}${message.slice(first.property.length)}`
        : message,
      ...(extra && { extra }),
    };
  }
  return firstProblem(first.children ?? [], `${field}.`);
}

/** DTO validation; the error names the field (`{"error": "email must be an email", "field": "email"}`). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const { field, message, extra } = firstProblem(errors);
      return new ValidationError(message, field, extra);
    },
  });
}
