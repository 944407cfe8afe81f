import { acceptOf, narrowRule, refusalOf } from './rules';

const visitor = { enabled: true, allowedTypes: 'jpg|png|pdf', maxSizeKb: 100 };

describe('upload rules in the widget', () => {
  it('refuses a type that is not allowed, naming it', () => {
    expect(refusalOf(visitor, { name: 'tool.exe', size: 10 })).toEqual({
      code: 'type',
      message: 'tool.exe: file type .exe is not allowed (allowed: jpg, png, pdf)',
    });
  });

  it('refuses one byte over the size limit and accepts exactly the limit', () => {
    expect(refusalOf(visitor, { name: 'a.pdf', size: 100 * 1024 })).toBeNull();
    expect(refusalOf(visitor, { name: 'a.pdf', size: 100 * 1024 + 1 })?.code).toBe('size');
  });

  it('says uploads are disabled', () => {
    expect(refusalOf({ ...visitor, enabled: false }, { name: 'a.pdf', size: 1 })?.message).toBe(
      'File uploads are disabled for visitors',
    );
  });

  it('narrows the rule by a file request, never widening it', () => {
    const r = narrowRule(visitor, { allowedTypes: 'pdf|docx', maxSizeKb: 500 });
    expect(r).toEqual({ enabled: true, allowedTypes: 'pdf', maxSizeKb: 100 });
    expect(narrowRule(visitor, { allowedTypes: null, maxSizeKb: 10 }).maxSizeKb).toBe(10);
    expect(narrowRule(visitor, null)).toBe(visitor);
  });

  it('builds the picker accept list', () => {
    expect(acceptOf(visitor)).toBe('.jpg,.png,.pdf');
  });
});
