import { extensionForMime, isInlineSafe, knownFileType } from './file-types';

describe('file types', () => {
  it('maps a MIME type to its usual extension', () => {
    expect(extensionForMime('image/jpeg')).toBe('jpg');
    expect(extensionForMime('application/pdf; charset=binary')).toBe('pdf');
    expect(extensionForMime('application/x-unknown')).toBeUndefined();
  });

  it('renders only raster images and PDF inline', () => {
    expect(isInlineSafe('image/png')).toBe(true);
    expect(isInlineSafe('application/pdf')).toBe(true);
    expect(isInlineSafe('image/svg+xml')).toBe(false);
    expect(isInlineSafe('text/html')).toBe(false);
    expect(knownFileType('PDF')?.mime).toBe('application/pdf');
  });
});
