import { previewUrl } from './preview-url';

describe('previewUrl', () => {
  it('adds purpose=preview to a signed absolute URL, keeping its signature', () => {
    expect(previewUrl('http://127.0.0.1:3000/v1/attachments/a1/content?sig=abc.def')).toBe(
      'http://127.0.0.1:3000/v1/attachments/a1/content?sig=abc.def&purpose=preview',
    );
  });

  it('keeps a relative URL relative and replaces an existing purpose', () => {
    expect(previewUrl('/v1/attachments/a1/content?sig=x&purpose=download')).toBe(
      '/v1/attachments/a1/content?sig=x&purpose=preview',
    );
  });
});
