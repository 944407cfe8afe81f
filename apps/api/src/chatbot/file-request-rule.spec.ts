import { assertFilesMatchRequest, filesMatchRequest } from './file-request-rule';

describe('file request rule', () => {
  const request = { allowedTypes: 'pdf', maxSizeKb: 1 };

  it('accepts files of the requested type within the size', () => {
    expect(() => assertFilesMatchRequest(request, [{ name: 'a.PDF', size: 1024 }])).not.toThrow();
    expect(filesMatchRequest({ allowedTypes: null, maxSizeKb: null }, [{ name: 'x.png', size: 5 }])).toBe(
      true,
    );
  });

  it('refuses another type with 415 and a bigger file with 413', () => {
    expect(() => assertFilesMatchRequest(request, [{ name: 'a.png', size: 1 }])).toThrow(
      expect.objectContaining({ status: 415 }),
    );
    expect(() => assertFilesMatchRequest(request, [{ name: 'a.pdf', size: 1025 }])).toThrow(
      expect.objectContaining({ status: 413 }),
    );
    expect(filesMatchRequest(request, [])).toBe(false);
  });
});
