import { fitInside, initialPreview, isRasterImage, placeholderDataUrl, uprightSize } from './preview-rules';

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

  it('starts raster images pending, everything else unsupported, all unsupported when disabled', () => {
    expect(isRasterImage('image/JPEG')).toBe(true);
    expect(isRasterImage('image/svg+xml')).toBe(false);
    expect(initialPreview('image/png', true)).toEqual({ status: 'pending', reason: null });
    expect(initialPreview('application/pdf', true)).toEqual({
      status: 'unsupported',
      reason: 'not an image',
    });
    expect(initialPreview('image/png', false)).toEqual({ status: 'unsupported', reason: 'disabled' });
  });

  it('makes a WebP data URL', () => {
    expect(placeholderDataUrl(Buffer.from('RIFF'))).toBe('data:image/webp;base64,UklGRg==');
  });
});
