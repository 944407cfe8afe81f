// Builds the visitor widget into dist/apps/widget: `widget.js` (the entry a host page loads, budget-checked)
// plus chunks loaded on demand (`pdf-preview.js`, the pdf.js worker, `locales/<lang>.js`, `upload-queue.js`
// and `tus-upload.js` with their shared `chunks/`) and the
// console's preview page (`preview.html`).
import { build, transform } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { precompressDir } from '../../tools/scripts/precompress.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/apps/widget');
const src = join(root, 'apps/widget/src');
const BUDGET_GZIP_BYTES = Number(process.env.WIDGET_BUDGET_KB ?? 80) * 1024;
const minify = process.env.WIDGET_MINIFY !== 'false';

// The shadow root's stylesheet is a CSS string in styles.ts: minify it as CSS, which esbuild's JS
// minifier cannot do inside a template literal (keeps widget.js within its 30 KB on-the-wire budget).
const minifyWidgetCss = {
  name: 'minify-widget-css',
  setup(b) {
    b.onLoad({ filter: /[\\/]ui[\\/]styles\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const css = /`([^`]*)`/.exec(source)?.[1];
      if (css === undefined) throw new Error(`${args.path}: expected one CSS template literal`);
      const { code } = await transform(css, { loader: 'css', minify: true });
      return { contents: `export const WIDGET_CSS = ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

// The widget connects by WebSocket only (`transports: ['websocket']` in live/live-channel.ts), so
// engine.io-client's long-polling and WebTransport transports are left out of widget.js.
const websocketOnly = {
  name: 'engine.io-websocket-only',
  setup(b) {
    b.onLoad({ filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/ }, (args) => ({
      contents: 'import { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS };\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  minify,
  sourcemap: 'linked',
  target: ['es2022'],
  tsconfig: join(root, 'apps/widget/tsconfig.app.json'),
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  ...common,
  entryPoints: [join(src, 'widget.ts')],
  outfile: join(out, 'widget.js'),
  format: 'iife',
  plugins: minify ? [minifyWidgetCss, websocketOnly] : [websocketOnly],
});
await build({
  ...common,
  entryPoints: [join(src, 'preview.ts')],
  outfile: join(out, 'preview.js'),
  format: 'iife',
  plugins: minify ? [minifyWidgetCss, websocketOnly] : [websocketOnly],
});
// Typing and "seen" (loaded once the chat is live).
await build({
  ...common,
  entryPoints: [join(src, 'ui/typing-view.ts')],
  outfile: join(out, 'receipts.js'),
  format: 'esm',
});
await build({
  ...common,
  entryPoints: [join(src, 'pdf/pdf-preview.ts')],
  outfile: join(out, 'pdf-preview.js'),
  format: 'esm',
});
// The upload queue (loaded on the first send), tus-js-client (only for files above the tus
// threshold), the visitor-context parser (at chat start) the search (on first use) and the offline queue's sending (once back online) as ES modules sharing code through chunks/.
await build({
  ...common,
  entryPoints: {
    'upload-queue': join(src, 'upload/upload-chunk.ts'),
    'tus-upload': join(src, 'upload/tus-chunk.ts'),
    'visitor-context': join(src, 'host/visitor-context.ts'),
    extras: join(src, 'ui/extras-chunk.ts'),
    search: join(src, 'search/search-chunk.ts'),
    'outbox-send': join(src, 'offline/outbox-send.ts'),
  },
  outdir: out,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
});
const localeFiles = readdirSync(join(src, 'i18n/locales')).filter((f) => f.endsWith('.ts'));
await build({
  ...common,
  sourcemap: false,
  entryPoints: localeFiles.map((f) => join(src, 'i18n/locales', f)),
  outdir: join(out, 'locales'),
  format: 'esm',
});
copyFileSync(join(src, 'preview.html'), join(out, 'preview.html'));
const require = createRequire(import.meta.url);
copyFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), join(out, 'pdf.worker.min.mjs'));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = (file) => {
  const raw = readFileSync(join(out, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`  ${file.padEnd(20)} ${kb(raw.length).padStart(10)}  gzip ${kb(gz).padStart(9)}`);
  return gz;
};
console.log('Widget bundle (dist/apps/widget):');
const entry = report('widget.js');
report('pdf-preview.js');
report('receipts.js');
report('upload-queue.js');
report('tus-upload.js');
report('visitor-context.js');
report('extras.js');
report('search.js');
report('outbox-send.js');
report('pdf.worker.min.mjs');
for (const f of localeFiles) report(`locales/${f.replace(/\.ts$/, '.js')}`);
if (entry > BUDGET_GZIP_BYTES) {
  console.error(`widget.js is ${kb(entry)} gzipped: over the ${kb(BUDGET_GZIP_BYTES)} budget`);
  process.exit(1);
}
console.log(`widget.js entry: ${kb(entry)} gzipped, budget ${kb(BUDGET_GZIP_BYTES)} (OK)`);
precompressDir(out);
