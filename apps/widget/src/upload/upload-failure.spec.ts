import { describeUploadFailure, isRetryableStatus } from './upload-failure';

describe('describeUploadFailure', () => {
  it('tells the visitor a disguised file is not what its name says, without a retry', () => {
    const body = {
      error: 'invoice.pdf: the content is application/x-msdownload, not a .pdf file',
      file: 'invoice.pdf',
      detectedType: 'application/x-msdownload',
    };
    expect(describeUploadFailure(415, body, 'invoice.pdf')).toEqual({
      retryable: false,
      message: 'This file is not a real PDF — choose another file',
    });
    expect(describeUploadFailure(415, { ...body, file: 'photo.heic' }, 'photo.heic').message).toBe(
      'This file is not a real HEIC — choose another file',
    );
  });

  it('refuses types and sizes for good, with the server reason and the next step', () => {
    const type = describeUploadFailure(415, { error: 'a.exe: file type .exe is not allowed' }, 'a.exe');
    expect(type).toEqual({
      retryable: false,
      message: 'a.exe: file type .exe is not allowed — choose another file',
    });
    const size = describeUploadFailure(
      413,
      { error: 'big.pdf: file is larger than the limit of 10 KB' },
      'big.pdf',
    );
    expect(size).toEqual({
      retryable: false,
      message: 'big.pdf: file is larger than the limit of 10 KB — choose a smaller file',
    });
    expect(describeUploadFailure(400, null, 'x.pdf').retryable).toBe(false);
  });

  it('tells the visitor to try again later when storage or a service is down or full', () => {
    const later = { retryable: true, message: 'Files cannot be stored right now — try again later' };
    expect(describeUploadFailure(503, { error: 'x', code: 'DATABASE_UNAVAILABLE' }, 'a.pdf')).toEqual(later);
    expect(describeUploadFailure(507, { error: 'x', code: 'STORAGE_FULL' }, 'a.pdf')).toEqual(later);
  });

  it('offers a retry only when the same upload can succeed later', () => {
    expect(describeUploadFailure(429, null, 'a.pdf').retryable).toBe(true);
    expect(describeUploadFailure(503, { error: 'Storage unavailable' }, 'a.pdf').retryable).toBe(true);
    expect(describeUploadFailure(500, null, 'a.pdf').retryable).toBe(true);
    expect([0, 408, 429, 500, 502].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([400, 403, 404, 413, 415, 422].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
