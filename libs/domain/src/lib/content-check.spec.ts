import { contentVerdict, sniffText } from './content-check';

const bytes = (s: string) => new TextEncoder().encode(s);
const PNG = { ext: 'png', mime: 'image/png' };

describe('contentVerdict', () => {
  it('accepts content whose signature matches the extension and returns the detected type', () => {
    expect(contentVerdict('a.png', 'png', PNG, new Uint8Array(8))).toEqual({ ok: true, mime: 'image/png' });
    expect(
      contentVerdict('a.pdf', 'pdf', { ext: 'pdf', mime: 'application/pdf' }, bytes('%PDF-1.7')),
    ).toEqual({
      ok: true,
      mime: 'application/pdf',
    });
  });

  it('names the declared type when the signature is a generic container', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(
      contentVerdict('a.docx', 'docx', { ext: 'zip', mime: 'application/zip' }, new Uint8Array(4)),
    ).toEqual({ ok: true, mime: docx });
    expect(
      contentVerdict('a.doc', 'doc', { ext: 'cfb', mime: 'application/x-cfb' }, new Uint8Array(4)),
    ).toEqual({
      ok: true,
      mime: 'application/msword',
    });
  });

  it('says what the content really is: a PNG or an HTML page named .pdf', () => {
    expect(contentVerdict('x.pdf', 'pdf', PNG, new Uint8Array(8))).toEqual({
      ok: false,
      actualMime: 'image/png',
      message: 'x.pdf: the content is image/png, not a .pdf file',
    });
    const html = contentVerdict(
      'x.pdf',
      'pdf',
      undefined,
      bytes('<!DOCTYPE html><html><script>alert(1)</script>'),
    );
    expect(html).toMatchObject({ ok: false, actualMime: 'text/html' });
  });

  it('refuses an empty file for a type with a signature', () => {
    expect(contentVerdict('e.jpg', 'jpg', undefined, new Uint8Array(0))).toMatchObject({
      ok: false,
      message: 'e.jpg: the content is empty, not a .jpg file',
    });
  });

  it('checks signature-less text types by the documented text rule', () => {
    expect(contentVerdict('a.txt', 'txt', undefined, bytes('hello, wörld\n'))).toEqual({
      ok: true,
      mime: 'text/plain',
    });
    expect(contentVerdict('a.csv', 'csv', undefined, bytes('a,b\n1,2'))).toEqual({
      ok: true,
      mime: 'text/csv',
    });
    expect(contentVerdict('a.txt', 'txt', undefined, new Uint8Array([104, 0, 105]))).toMatchObject({
      ok: false,
      actualMime: 'application/octet-stream',
    });
    expect(contentVerdict('a.txt', 'txt', undefined, new Uint8Array([0xc3, 0x28]))).toMatchObject({
      ok: false,
    });
    expect(contentVerdict('a.txt', 'txt', PNG, new Uint8Array(8))).toMatchObject({
      ok: false,
      actualMime: 'image/png',
    });
    expect(contentVerdict('a.txt', 'txt', undefined, bytes('  <html><body>x'))).toMatchObject({
      ok: false,
      actualMime: 'text/html',
    });
    expect(
      contentVerdict('a.md', 'md', undefined, bytes('# Title\nclick <script src=x></script>')),
    ).toMatchObject({ ok: false });
  });

  it('lets HTML and SVG be markup', () => {
    expect(contentVerdict('a.html', 'html', undefined, bytes('<html></html>'))).toEqual({
      ok: true,
      mime: 'text/html',
    });
    const svg = bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(contentVerdict('a.svg', 'svg', { ext: 'xml', mime: 'application/xml' }, svg)).toEqual({
      ok: true,
      mime: 'image/svg+xml',
    });
  });

  it('tolerates a UTF-8 sequence cut at the end of the head and a BOM', () => {
    const cut = bytes('aé').subarray(0, 2);
    expect(sniffText(cut)).toBe('text/plain');
    expect(sniffText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68]))).toBe('text/plain');
  });
});
