import type { Request } from 'express';

/**
 * Routes whose error body is fixed by an external contract: seed 001's upload
 * (`POST /v1/chat/upload`) documents `{"error": "..."}` byte for byte, so no `code` is added there.
 */
const CONTRACT_ERROR_ROUTES = new Set(['/v1/chat/upload']);

export function hasContractErrorShape(req: Request): boolean {
  return CONTRACT_ERROR_ROUTES.has(req.path.replace(/\/+$/, ''));
}
