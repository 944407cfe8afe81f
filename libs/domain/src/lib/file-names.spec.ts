import { extensionOf, sanitizeDisplayName } from './file-names';

describe('sanitizeDisplayName', () => {
  it('drops path parts, control and bidi-override characters', () => {
    expect(sanitizeDisplayName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeDisplayName('C:\\Users\\x\\report.pdf')).toBe('report.pdf');
    expect(sanitizeDisplayName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeDisplayName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(sanitizeDisplayName('...')).toBe('file');
  });

  it('keeps at most 255 UTF-8 bytes and the extension', () => {
    const name = sanitizeDisplayName(`${'é'.repeat(300)}.pdf`);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('extensionOf', () => {
  it('reads the last extension in lower case', () => {
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('noext')).toBe('');
  });
});
