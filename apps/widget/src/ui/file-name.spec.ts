import { fileNameEl, nameParts } from './file-name';

describe('file names that wrap', () => {
  it('breaks after separators and keeps the extension with the end of the name', () => {
    expect(nameParts('quarterly_report-final v2.pdf')).toEqual({
      parts: ['quarterly_', 'report-', 'final'],
      tail: ' v2.pdf',
    });
    expect(nameParts('Screenshot 2026-11-27 at 10.41.03.PNG').tail).toBe('.03.PNG');
  });

  it('handles names without extension and short stems', () => {
    expect(nameParts('README')).toEqual({ parts: ['README'], tail: '' });
    expect(nameParts('a.pdf')).toEqual({ parts: [], tail: 'a.pdf' });
  });

  it('keeps the whole name as text (for copying and screen readers)', () => {
    const el = fileNameEl('quarterly_report-final v2.pdf');
    expect(el.textContent).toBe('quarterly_report-final v2.pdf');
    expect(el.title).toBe('quarterly_report-final v2.pdf');
    expect(el.querySelectorAll('wbr')).toHaveLength(3);
    expect(el.querySelector('.tail')?.textContent).toBe(' v2.pdf');
  });
});
