import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ValidationError } from '../errors/domain-errors';
import { bodyProblem, paramsProblem, queryProblem } from './crafted-input';

/**
 * Global guard, before any handler or DTO sees the request: repeated or bracketed query parameters
 * and control characters in query, path or JSON/form body are a 400 naming the parameter, so no
 * endpoint (signed download links included) has to expect arrays or NUL bytes.
 */
export class CraftedInputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const found =
      queryProblem(req.query) ??
      paramsProblem(req.params) ??
      (isParsedBody(req.body) ? bodyProblem(req.body) : undefined);
    if (found) throw new ValidationError(found.message, found.field, { code: found.code });
    return true;
  }
}

const isParsedBody = (body: unknown): boolean =>
  body !== undefined && body !== null && typeof body === 'object';
