import { isUUID } from 'class-validator';
import { ValidationError } from '../../common/errors/domain-errors';

export interface TusCreation {
  chatId: string;
  filename: string;
  messageText?: string;
  fileRequestId?: string;
  length: number;
}

/** `Upload-Length` and `Upload-Metadata` of a creation request, checked before the tus server sees it. */
export function tusCreationOf(headers: Record<string, string | string[] | undefined>): TusCreation {
  const lengthHeader = single(headers['upload-length']);
  if (!lengthHeader || !/^\d{1,15}$/.test(lengthHeader))
    throw new ValidationError(
      'Upload-Length is required (deferred lengths are not supported)',
      'Upload-Length',
    );
  const meta = parseMetadata(single(headers['upload-metadata']) ?? '');
  const chatId = meta['chatId'] ?? '';
  if (!isUUID(chatId)) throw new ValidationError('Upload-Metadata chatId must be a UUID', 'chatId');
  const filename = meta['filename'] ?? '';
  if (!filename) throw new ValidationError('Upload-Metadata filename is required', 'filename');
  return {
    chatId,
    filename,
    messageText: meta['messageText'] ?? undefined,
    fileRequestId: meta['fileRequestId'] ?? undefined,
    length: Number(lengthHeader),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const PAIR = /^([^\s,]+)(?: ([A-Za-z0-9+/]*={0,2}))?$/;

/** tus `Upload-Metadata`: comma-separated `key base64value` pairs (the value may be absent). */
export function parseMetadata(header: string): Record<string, string | null> {
  const meta: Record<string, string | null> = {};
  if (!header.trim()) return meta;
  for (const part of header.split(',')) {
    const match = PAIR.exec(part.trim());
    if (!match || !match[1] || match[1] in meta)
      throw new ValidationError('Upload-Metadata is malformed', 'Upload-Metadata');
    meta[match[1]] = match[2] === undefined ? null : Buffer.from(match[2], 'base64').toString('utf8');
  }
  return meta;
}
