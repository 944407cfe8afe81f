import type { AttachmentDto } from '@satchel/contracts';
import { fileGroup, viewerKind } from './viewable';

const file = (contentType: string, extra: Partial<AttachmentDto> = {}) =>
  ({ contentType, trust: { encrypted: true, scan: 'clean' }, ...extra }) as AttachmentDto;

describe('what the viewer shows', () => {
  it('shows raster images and PDFs, never quarantined, expired, active or unsafe files', () => {
    expect(viewerKind(file('image/png'))).toBe('image');
    expect(viewerKind(file('application/pdf'))).toBe('pdf');
    expect(viewerKind(file('image/svg+xml'))).toBeNull();
    expect(viewerKind(file('text/html'))).toBeNull();
    expect(viewerKind(file('image/png', { trust: { encrypted: true, scan: 'infected' } }))).toBeNull();
    expect(
      viewerKind(
        file('application/pdf', { trust: { encrypted: false, scan: 'off', activeContent: 'JavaScript' } }),
      ),
    ).toBeNull();
    expect(viewerKind(file('image/png', { expiredAt: '2026-01-01T00:00:00Z' }))).toBeNull();
  });

  it('groups files as images, documents and other', () => {
    expect(fileGroup('image/jpeg')).toBe('images');
    expect(fileGroup('application/pdf')).toBe('documents');
    expect(fileGroup('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'documents',
    );
    expect(fileGroup('text/plain')).toBe('documents');
    expect(fileGroup('application/zip')).toBe('other');
    expect(fileGroup('video/mp4')).toBe('other');
  });
});
