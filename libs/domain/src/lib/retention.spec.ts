import { fileKindOf, quotaUsage, retentionActive, retentionDays } from './retention';

describe('retention rules', () => {
  it('sorts content types into kinds', () => {
    expect(fileKindOf('image/png')).toBe('image');
    expect(fileKindOf('video/mp4')).toBe('video');
    expect(fileKindOf('audio/ogg')).toBe('audio');
    expect(fileKindOf('application/pdf')).toBe('document');
  });

  it('keeps forever by default, and the platform maximum caps every policy', () => {
    expect(retentionDays(null, 'image', 'visitor', null)).toBeNull();
    expect(retentionDays({ days: null }, 'image', 'visitor', 30)).toBe(30);
    expect(retentionDays({ days: 365 }, 'document', 'operator', 30)).toBe(30);
    expect(retentionActive({ days: null }, null)).toBe(false);
    expect(retentionActive({ days: null, byKind: { image: 5 } }, null)).toBe(true);
  });

  it('applies kind and role overrides over days, the shorter of the two', () => {
    const p = { days: 365, byKind: { image: 90 }, byRole: { visitor: 30 } };
    expect(retentionDays(p, 'image', 'operator', null)).toBe(90);
    expect(retentionDays(p, 'image', 'visitor', null)).toBe(30);
    expect(retentionDays(p, 'document', 'operator', null)).toBe(365);
  });

  it('measures the fuller quota dimension', () => {
    expect(quotaUsage({ maxBytes: null, maxFiles: null }, { bytes: 5, files: 5 })).toBeNull();
    expect(quotaUsage({ maxBytes: 100, maxFiles: 10 }, { bytes: 50, files: 9 })).toBe(0.9);
  });
});
