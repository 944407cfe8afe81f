import type { AttachmentDto } from '@satchel/contracts';
import { extensionOf, parseAllowedTypes } from '@satchel/domain';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../common/errors/domain-errors';
import type { FileRequestEntity } from './file-request.entity';

/** A request may ask for narrower types or a smaller size than the visitor rule; the upload already passed that rule. */
export function assertFilesMatchRequest(
  request: Pick<FileRequestEntity, 'allowedTypes' | 'maxSizeKb'>,
  files: Pick<AttachmentDto, 'name' | 'size'>[],
): void {
  const allowed = request.allowedTypes ? parseAllowedTypes(request.allowedTypes) : null;
  for (const file of files) {
    const ext = extensionOf(file.name);
    if (allowed && !allowed.includes(ext)) {
      throw new UnsupportedMediaTypeError(
        `${file.name}: file type ${ext ? `.${ext}` : '(none)'} is not what was requested (allowed: ${allowed.join(', ')})`,
        {
          field: 'attachmentIds',
        },
      );
    }
    if (request.maxSizeKb && file.size > request.maxSizeKb * 1024) {
      throw new PayloadTooLargeError(
        `${file.name}: file is larger than the requested limit of ${request.maxSizeKb} KB`,
        { field: 'attachmentIds' },
      );
    }
  }
}

/** Whether files fit a request (for a visitor who sent them without pressing the request's button). */
export function filesMatchRequest(
  request: Pick<FileRequestEntity, 'allowedTypes' | 'maxSizeKb'>,
  files: Pick<AttachmentDto, 'name' | 'size'>[],
): boolean {
  try {
    assertFilesMatchRequest(request, files);
    return files.length > 0;
  } catch {
    return false;
  }
}
