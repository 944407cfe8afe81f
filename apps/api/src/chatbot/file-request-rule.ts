import type { AttachmentDto } from '@satchel/contracts';
import { extensionOf, parseAllowedTypes } from '@satchel/domain';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../common/errors/domain-errors';
import type { FileRequestEntity } from './file-request.entity';

/** A request may ask for narrower types or a smaller size than the visitor rule; the upload already passed that rule. */
export function assertFilesMatchRequest(
  r: Pick<FileRequestEntity, 'allowedTypes' | 'maxSizeKb'>,
  files: Pick<AttachmentDto, 'name' | 'size'>[],
): void {
  const allowed = r.allowedTypes ? parseAllowedTypes(r.allowedTypes) : null;
  for (const f of files) {
    const ext = extensionOf(f.name);
    if (allowed && !allowed.includes(ext)) {
      throw new UnsupportedMediaTypeError(
        `${f.name}: file type ${ext ? `.${ext}` : '(none)'} is not what was requested (allowed: ${allowed.join(', ')})`,
        {
          field: 'attachmentIds',
        },
      );
    }
    if (r.maxSizeKb && f.size > r.maxSizeKb * 1024) {
      throw new PayloadTooLargeError(
        `${f.name}: file is larger than the requested limit of ${r.maxSizeKb} KB`,
        { field: 'attachmentIds' },
      );
    }
  }
}

/** Whether files fit a request (for a visitor who sent them without pressing the request's button). */
export function filesMatchRequest(
  r: Pick<FileRequestEntity, 'allowedTypes' | 'maxSizeKb'>,
  files: Pick<AttachmentDto, 'name' | 'size'>[],
): boolean {
  try {
    assertFilesMatchRequest(r, files);
    return files.length > 0;
  } catch {
    return false;
  }
}
