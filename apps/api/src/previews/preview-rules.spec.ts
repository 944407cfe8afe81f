import {
  enabledContentTypes,
  fitInside,
  initialPreview,
  placeholderDataUrl,
  previewKindOf,
  previewsTurnedOn,
  uprightSize,
} from './preview-rules';

const ALL = { images: true, heic: true, pdf: true, video: true };
const on = { generateThumbnails: true, previewKinds: ALL };

describe('preview rules', () => {
  it('fits inside the box without enlarging', () => {
    expect(fitInside(4000, 3000, 256)).toEqual({ width: 256, height: 192 });
    expect(fitInside(3000, 4000, 1280)).toEqual({ width: 960, height: 1280 });
    expect(fitInside(100, 50, 256)).toEqual({ width: 100, height: 50 });
    expect(fitInside(10000, 1, 256)).toEqual({ width: 256, height: 1 });
  });

  it('swaps width and height for quarter-turn EXIF orientations', () => {
    expect(uprightSize(400, 300, 6)).toEqual({ width: 300, height: 400 });
    expect(uprightSize(400, 300, 8)).toEqual({ width: 300, height: 400 });
    expect(uprightSize(400, 300, 3)).toEqual({ width: 400, height: 300 });
    expect(uprightSize(400, 300, undefined)).toEqual({ width: 400, height: 300 });
  });

  it('knows which renderer each detected type needs', () => {
    expect(previewKindOf('image/JPEG')).toBe('image');
    expect(previewKindOf('image/heif')).toBe('heic');
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('video/quicktime')).toBe('video');
    expect(previewKindOf('image/svg+xml')).toBeUndefined();
  });

  it('starts previewable files pending, others unsupported, switched-off kinds disabled', () => {
    expect(initialPreview('image/png', on)).toEqual({ status: 'pending', reason: null });
    expect(initialPreview('application/zip', on)).toEqual({
      status: 'unsupported',
      reason: 'not previewable',
    });
    expect(initialPreview('image/png', { ...on, generateThumbnails: false })).toEqual({
      status: 'unsupported',
      reason: 'disabled',
    });
    expect(initialPreview('video/mp4', { ...on, previewKinds: { ...ALL, video: false } })).toEqual({
      status: 'unsupported',
      reason: 'disabled',
    });
  });

  it('sees previews turned on when the switch or a kind goes on, not when one goes off', () => {
    const off = { ...on, generateThumbnails: false };
    const noPdf = { ...on, previewKinds: { ...ALL, pdf: false } };
    expect(previewsTurnedOn(off, on)).toBe(true);
    expect(previewsTurnedOn(noPdf, on)).toBe(true);
    expect(previewsTurnedOn(on, noPdf)).toBe(false);
    expect(previewsTurnedOn(noPdf, { ...noPdf, generateThumbnails: false })).toBe(false);
    expect(enabledContentTypes(noPdf)).not.toContain('application/pdf');
  });

  it('makes a WebP data URL', () => {
    expect(placeholderDataUrl(Buffer.from('RIFF'))).toBe('data:image/webp;base64,UklGRg==');
  });
});
