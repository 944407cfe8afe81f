import { splitFileName } from './file-name';

describe('splitFileName', () => {
  it('keeps the extension apart from the stem', () => {
    expect(splitFileName('quarterly-report.final.pdf')).toEqual({
      stem: 'quarterly-report.final',
      ext: '.pdf',
    });
    expect(splitFileName('photo.JPEG')).toEqual({ stem: 'photo', ext: '.JPEG' });
  });

  it('treats dot files, names without a dot and long tails as all stem', () => {
    expect(splitFileName('.env')).toEqual({ stem: '.env', ext: '' });
    expect(splitFileName('README')).toEqual({ stem: 'README', ext: '' });
    expect(splitFileName('v1.this-is-not-an-extension')).toEqual({
      stem: 'v1.this-is-not-an-extension',
      ext: '',
    });
  });
});
