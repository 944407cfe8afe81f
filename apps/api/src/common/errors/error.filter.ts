import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { errorCodeForStatus, type ErrorResponse } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { hasContractErrorShape } from './error-contracts';
import { DomainError } from './domain-errors';
import { dependencyFailure, type DependencyPorts } from './dependency-failure';

interface Mapped {
  status: number;
  body: ErrorResponse & { code: string };
}

/**
 * The one place errors become HTTP: domain errors keep their message and code; an untyped error that
 * is an outage of PostgreSQL, Redis or storage gives 503/507 with its code; anything else a plain 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  /** `ports` lets a bare ECONNREFUSED be attributed to PostgreSQL or Redis. */
  constructor(private readonly ports: DependencyPorts = {}) {}

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const raw = this.toResponse(err, req);
    res.locals['errorCode'] = raw.body.code;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (typeof raw.body['retryAfter'] === 'number')
      res.setHeader('Retry-After', String(raw.body['retryAfter']));
    const { status, body } = this.reshape(raw);
    res.status(status).json(hasContractErrorShape(req) ? withoutCode(body) : body);
  }

  /** Routes with an externally fixed error shape override this (the status and headers stay meaningful). */
  protected reshape(mapped: { status: number; body: ErrorResponse }): {
    status: number;
    body: ErrorResponse;
  } {
    return mapped;
  }

  private toResponse(err: unknown, req: Request): Mapped {
    if (err instanceof DomainError) {
      return { status: err.status, body: { error: err.message, code: err.code, ...err.extra } };
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      return { status, body: { error: httpMessage(err), code: errorCodeForStatus(status) } };
    }
    if (isBodyParserError(err)) {
      const code = err.type === 'entity.parse.failed' ? 'INVALID_JSON' : errorCodeForStatus(err.status);
      return { status: err.status, body: { error: err.message, code } };
    }
    const requestId = req.id;
    const outage = dependencyFailure(err, this.ports);
    if (outage) {
      this.log.warn(
        `${String(outage.extra['code'])} in ${req.method} ${req.originalUrl} [${requestId}]: ${(err as Error)?.message}`,
      );
      return {
        status: outage.status,
        body: { error: outage.message, code: outage.code, ...outage.extra, requestId },
      };
    }
    this.log.error(
      `Unhandled error in ${req.method} ${req.originalUrl} [${requestId}]`,
      (err as Error)?.stack,
    );
    return { status: 500, body: { error: 'Internal server error', code: 'INTERNAL_ERROR', requestId } };
  }
}

function withoutCode({ code: _code, ...rest }: ErrorResponse): ErrorResponse {
  return rest;
}

function httpMessage(err: HttpException): string {
  const response = err.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : err.message;
}

function isBodyParserError(err: unknown): err is { status: number; message: string; type: string } {
  const error = err as { status?: unknown; type?: unknown };
  return (
    typeof error?.status === 'number' &&
    typeof error.type === 'string' &&
    error.status >= 400 &&
    error.status < 500
  );
}
