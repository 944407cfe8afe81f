/** An HTTP failure: `status` 0 means the network failed (offline, connection cut). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The parsed JSON error body, when the server sent one (`{error, file?, detectedType?, …}`). */
    readonly body: unknown = null,
  ) {
    super(message);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Reads `{"error": "..."}` from a failed response body, with a fallback by status. */
export function errorMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
    return (body as { error: string }).error;
  }
  if (status === 413) return 'File is too large';
  if (status === 415) return 'File type not allowed';
  if (status === 0) return 'Network error: check your connection';
  return `Request failed (${status})`;
}
