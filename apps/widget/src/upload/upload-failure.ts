import { extensionOf } from '@satchel/domain';
import { i18n, t } from '../i18n/i18n';

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

const field = (body: unknown, key: string): unknown =>
  body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
const text = (body: unknown, key: string): string | undefined => {
  const v = field(body, key);
  return typeof v === 'string' ? v : undefined;
};

/**
 * Turns the server's answer to one file's upload into the visitor's next step. In English the
 * server's own sentence is shown (it names the file and the rule); other languages get the
 * catalogue's sentence for the status and `code`.
 */
export function describeUploadFailure(status: number, body: unknown, fileName: string): UploadFailure {
  const ext = extensionOf(fileName);
  const said = i18n.lang === 'en' ? text(body, 'error') : undefined;
  const code = text(body, 'code');
  if (status === 429 || code === 'RATE_LIMITED') return { retryable: true, message: t('errTooMany') };
  if (code === 'UPLOAD_STALLED') return { retryable: true, message: t('errStalled') };
  if (status === 0) return { retryable: true, message: t('errNetwork') };
  if (status === 503 || status === 507) return { retryable: true, message: t('errStorageDown') };
  if (isRetryableStatus(status)) return { retryable: true, message: t('errNotStored') };
  if (status === 415 && text(body, 'detectedType') && ext)
    return { retryable: false, message: t('errNotReal', { ext: ext.toUpperCase() }) };
  if (status === 415)
    return { retryable: false, message: said ? `${said} — choose another file` : t('errType') };
  if (status === 413) return { retryable: false, message: tooLarge(said, field(body, 'limitKb')) };
  if (status === 403) return { retryable: false, message: said ?? t('errDisabled') };
  return { retryable: false, message: said ?? t('errRefused', { status: String(status) }) };
}

function tooLarge(said: string | undefined, limitKb: unknown): string {
  if (said) return `${said} — choose a smaller file`;
  const limit = typeof limitKb === 'number' ? i18n.size(limitKb * 1024) : '?';
  return t('errSize', { limit });
}
