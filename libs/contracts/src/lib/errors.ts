/** Every error response body: a readable message plus optional machine-readable details. */
export interface ErrorResponse {
  error: string;
  code?: string;
  field?: string;
  requestId?: string;
  [extra: string]: unknown;
}
