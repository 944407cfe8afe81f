import {
  checkFileAgainstRule,
  InvalidTypeListError,
  normalizeAllowedTypes,
  parseAllowedTypes,
} from './upload-rules';

describe('parseAllowedTypes', () => {
  it('accepts the seed 002 form and tolerates case, dots and spaces', () => {
    expect(parseAllowedTypes('pdf|xlsx')).toEqual(['pdf', 'xlsx']);
    expect(parseAllowedTypes(' .PDF | Xlsx |pdf')).toEqual(['pdf', 'xlsx']);
    expect(normalizeAllowedTypes('PNG|.pdf')).toBe('png|pdf');
  });

  it('names the unknown or malformed token', () => {
    expect(() => parseAllowedTypes('pdf|exe')).toThrow('Unknown file type "exe" in allowedTypes');
    expect(() => parseAllowedTypes('pdf|x/y')).toThrow(InvalidTypeListError);
    expect(() => parseAllowedTypes(' | ')).toThrow('allowedTypes must list at least one extension');
  });
});

describe('checkFileAgainstRule', () => {
  const rule = { enabled: true, allowedTypes: 'pdf', maxSizeKb: 10 };

  it('accepts a file at exactly the limit and refuses one byte over', () => {
    expect(checkFileAgainstRule(rule, { name: 'a.pdf', size: 10 * 1024 }, 'visitor')).toBeNull();
    expect(checkFileAgainstRule(rule, { name: 'a.pdf', size: 10 * 1024 + 1 }, 'visitor')).toEqual({
      code: 'size',
      message: 'a.pdf: file is larger than the limit of 10 KB',
    });
  });

  it('refuses a type not in the list and a disabled role', () => {
    expect(checkFileAgainstRule(rule, { name: 'x.png' }, 'operator')?.code).toBe('type');
    expect(checkFileAgainstRule({ ...rule, enabled: false }, { name: 'a.pdf' }, 'operator')).toEqual({
      code: 'disabled',
      message: 'File uploads are disabled for operators',
    });
  });
});
