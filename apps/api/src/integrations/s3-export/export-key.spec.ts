import { exportKey, normalizeFolder, numberedName } from './export-key';

describe('export keys', () => {
  it('nests files per chat under the folder (seed 002)', () => {
    expect(exportKey('satchel/exports', 'c1', 'report.pdf')).toBe('satchel/exports/c1/report.pdf');
    expect(exportKey('', 'c1', 'report.pdf')).toBe('c1/report.pdf');
    expect(exportKey('f', null, 'a.png')).toBe('f/general/a.png');
  });

  it('numbers names to keep them unique within a chat', () => {
    expect(numberedName('report.pdf', 1)).toBe('report (1).pdf');
    expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedName('README', 1)).toBe('README (1)');
    expect(numberedName('.env', 1)).toBe('.env (1)');
    expect(exportKey('f', 'c', 'a.pdf', 3)).toBe('f/c/a (3).pdf');
  });

  it('normalizes folders and refuses traversal', () => {
    expect(normalizeFolder(' /a//b/ ')).toBe('a/b');
    expect(normalizeFolder('')).toBe('');
    expect(normalizeFolder('a/../b')).toBeUndefined();
    expect(normalizeFolder('a/\nb')).toBeUndefined();
  });
});
