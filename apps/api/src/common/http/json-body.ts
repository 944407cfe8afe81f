import express, { type RequestHandler } from 'express';
import { BadRequestError } from '../errors/domain-errors';

type JsonOptions = NonNullable<Parameters<typeof express.json>[0]>;

/** express.json, whose parse failures become a typed `400 INVALID_JSON` instead of a generic 400. */
export function jsonBody(options: JsonOptions): RequestHandler {
  const parse = express.json(options);
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      const failed = err instanceof SyntaxError && (err as { type?: unknown }).type === 'entity.parse.failed';
      next(failed ? new BadRequestError(err.message, { code: 'INVALID_JSON' }) : err);
    });
}
