import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from '../errors/domain-errors';

function firstProblem(errors: ClassValidatorError[], prefix = ''): { field: string; message: string } {
  const e = errors[0];
  if (!e) return { field: '', message: 'Invalid request' };
  const field = `${prefix}${e.property}`;
  if (e.constraints) {
    const message = Object.values(e.constraints)[0] ?? `${field} is invalid`;
    return {
      field,
      message: message.startsWith(e.property) ? `${field}${message.slice(e.property.length)}` : message,
    };
  }
  return firstProblem(e.children ?? [], `${field}.`);
}

/** DTO validation; the error names the field (`{"error": "email must be an email", "field": "email"}`). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstProblem(errors);
      return new ValidationError(message, field);
    },
  });
}
