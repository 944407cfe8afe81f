import { cacheControlFor, IMMUTABLE, REVALIDATE } from './static-cache';

describe('cacheControlFor', () => {
  it.each([
    'main-XQIXIKUO.js',
    'chunk-VU6Q7YSU.js.br',
    '/srv/dist/apps/console/browser/styles-QNH7HDD2.css.gz',
    'media/roboto-ABCDEF12.woff2',
  ])('caches the hashed file %s for a year', (path) => {
    expect(cacheControlFor(path)).toBe(IMMUTABLE);
  });

  it.each([
    'widget.js',
    'widget.js.br',
    'index.html.gz',
    'pdf.worker.min.mjs',
    'favicon.svg',
    'pdf-preview.js',
  ])('revalidates %s, whose name stays the same across releases', (path) => {
    expect(cacheControlFor(path)).toBe(REVALIDATE);
  });
});
