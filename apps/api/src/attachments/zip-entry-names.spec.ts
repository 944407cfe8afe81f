import { zipEntryNames } from './zip-entry-names';

describe('zip entry names', () => {
  it('keeps names, numbers repeats before the extension and never leaves the folder', () => {
    const next = zipEntryNames();
    expect(
      ['photo.png', 'photo.png', 'PHOTO.png', 'notes', 'notes', '../etc/passwd', '.env'].map(next),
    ).toEqual(['photo.png', 'photo (2).png', 'PHOTO (3).png', 'notes', 'notes (2)', '__etc_passwd', '_env']);
  });
});
