import { extensionOf } from '@satchel/domain';

export interface UploadFailure {
  /** Trying the same file again can succeed (network, overload, server error). */
  retryable: boolean;
  /** What happened and what the visitor can do. */
  message: string;
}

/** Statuses after which the very same upload may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

const field = (body: unknown, key: string): string | undefined => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** Turns the server's answer to one file's upload into the visitor's next step. */
export function describeUploadFailure(status: number, body: unknown, fileName: string): UploadFailure {
  const ext = extensionOf(fileName);
  const said = field(body, 'error');
  if (status === 429) return { retryable: true, message: 'Too many files at once — try again in a moment' };
  if (status === 503 || status === 507)
    return { retryable: true, message: 'Files cannot be stored right now — try again later' };
  if (isRetryableStatus(status))
    return { retryable: true, message: 'The file could not be stored — try again' };
  if (status === 415 && field(body, 'detectedType') && ext)
    return {
      retryable: false,
      message: `This file is not a real ${ext.toUpperCase()} — choose another file`,
    };
  if (status === 415)
    return {
      retryable: false,
      message: `${said ?? 'This type of file is not accepted'} — choose another file`,
    };
  if (status === 413)
    return { retryable: false, message: `${said ?? 'This file is too large'} — choose a smaller file` };
  if (status === 403) return { retryable: false, message: said ?? 'Files cannot be sent in this chat' };
  return { retryable: false, message: said ?? `The file was refused (${status})` };
}
