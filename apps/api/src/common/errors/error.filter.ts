import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { DomainError } from './domain-errors';

/** The one place errors become HTTP: domain errors keep their message; unknown errors give a plain 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const raw = this.toResponse(err, req);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (typeof raw.body['retryAfter'] === 'number')
      res.setHeader('Retry-After', String(raw.body['retryAfter']));
    const { status, body } = this.reshape(raw);
    res.status(status).json(body);
  }

  /** Routes that answer a seed's own error shape override this (the status and headers stay meaningful). */
  protected reshape(r: { status: number; body: ErrorResponse }): { status: number; body: ErrorResponse } {
    return r;
  }

  private toResponse(err: unknown, req: Request): { status: number; body: ErrorResponse } {
    if (err instanceof DomainError) return { status: err.status, body: { error: err.message, ...err.extra } };
    if (err instanceof HttpException) return { status: err.getStatus(), body: { error: httpMessage(err) } };
    if (isBodyParserError(err)) return { status: err.status, body: { error: err.message } };
    const requestId = req.id;
    this.log.error(
      `Unhandled error in ${req.method} ${req.originalUrl} [${requestId}]`,
      (err as Error)?.stack,
    );
    return { status: 500, body: { error: 'Internal server error', requestId } };
  }
}

function httpMessage(err: HttpException): string {
  const r = err.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : err.message;
}

function isBodyParserError(err: unknown): err is { status: number; message: string } {
  const e = err as { status?: unknown; type?: unknown };
  return typeof e?.status === 'number' && typeof e.type === 'string' && e.status >= 400 && e.status < 500;
}
