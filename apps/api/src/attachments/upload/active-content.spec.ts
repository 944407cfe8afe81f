import { ActiveContentDetector } from './active-content';

function detect(mime: string, body: Buffer, chunkSize: number): string | undefined {
  const d = ActiveContentDetector.for(mime);
  if (!d) return undefined;
  for (let i = 0; i < body.length; i += chunkSize) d.update(body.subarray(i, i + chunkSize));
  d.finish();
  return d.reason;
}

describe('ActiveContentDetector', () => {
  const pdf = (s: string) => Buffer.from(`%PDF-1.7\n1 0 obj\n${s}\nendobj\n%%EOF`, 'latin1');

  it.each([
    ['<< /S /JavaScript /JS (x) >>', 'PDF with JavaScript'],
    ['<</S/J#61vaScript/J#53(x)>>', 'PDF with JavaScript'],
    ['<< /S /Launch /F (calc.exe) >>', 'PDF with a launch action'],
    ['<< /Names << /EmbeddedFiles 3 0 R >> >>', 'PDF with embedded files'],
    ['<< /Type /Catalog /OpenAction [3 0 R /Fit] /JSON 1 >>', undefined],
    ['<< /S /GoTo /D [0 /Fit] >>', undefined],
  ])('finds %s in a PDF however it is split into chunks', (body, reason) => {
    for (const size of [1, 2, 3, 7, 13, 47, 48, 49, 4096])
      expect(detect('application/pdf', pdf(body), size)).toBe(reason);
  });

  it('flags a name right at the end of the data, and macros in Office files', () => {
    expect(detect('application/pdf', Buffer.from('%PDF-1.7 /JS'), 5)).toBe('PDF with JavaScript');
    const docx = Buffer.concat([
      Buffer.from('PK\x03\x04'),
      Buffer.alloc(100),
      Buffer.from('word/vbaProject.bin'),
    ]);
    const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    for (const size of [1, 5, 50, 4096]) expect(detect(mime, docx, size)).toBe('Office document with macros');
    expect(detect('image/svg+xml', Buffer.from('<svg/>'), 10)).toMatch(/SVG/);
    expect(ActiveContentDetector.for('image/png')).toBeUndefined();
  });
});
