import request from 'supertest';
import { HTML, pathOf, PNG, setUploadSettings } from '../support/files';
import { accountWithOperator, startVisitorChat } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';
import {
  EICAR,
  ELF,
  GIF_JS,
  HTML_LATE,
  JPEG,
  JPEG_PHP,
  JPEG_ZIP,
  PDF_HTML,
  PE,
  PNG_THEN_HTML,
  SVG_SCRIPT,
  SVG_XXE,
  UTF16_TEXT,
  ZIP_BOMB,
} from './support/payloads';

type Refused = { name: string; content: Buffer; status: number; error: RegExp };
type Served = { name: string; content: Buffer; type: string; disposition: 'inline' | 'attachment' };

/** Content that lies about its type: refused with the status and message a user sees. */
const REFUSED: [string, Refused][] = [
  ['HTML named .pdf', { name: 'invoice.pdf', content: HTML, status: 415, error: /text\/html/ }],
  ['HTML named .txt', { name: 'notes.txt', content: HTML, status: 415, error: /text\/html/ }],
  ['HTML named .csv', { name: 'export.csv', content: HTML, status: 415, error: /text\/html/ }],
  [
    'HTML after 30 harmless lines in .txt',
    { name: 'log.txt', content: HTML_LATE, status: 415, error: /text\/html/ },
  ],
  ['ELF executable named .pdf', { name: 'report.pdf', content: ELF, status: 415, error: /elf|octet/i }],
  [
    'PE executable named .pdf',
    { name: 'report.pdf', content: PE, status: 415, error: /msdownload|dosexec|octet/i },
  ],
  ['JPEG named .png', { name: 'photo.png', content: JPEG, status: 415, error: /image\/jpeg/ }],
  ['PNG named .heic', { name: 'photo.heic', content: PNG, status: 415, error: /image\/png/ }],
  ['PNG named .pdf', { name: 'scan.pdf', content: PNG, status: 415, error: /image\/png/ }],
  [
    'JPEG with a zip appended named .zip',
    { name: 'bundle.zip', content: JPEG_ZIP, status: 415, error: /image\/jpeg/ },
  ],
  [
    'PDF/HTML polyglot named .html (type not allowed)',
    { name: 'page.html', content: PDF_HTML, status: 415, error: /html/ },
  ],
  [
    'GIF/JS polyglot named .js (type not allowed)',
    { name: 'x.js', content: GIF_JS, status: 415, error: /js/ },
  ],
  [
    'binary with NUL bytes named .txt',
    { name: 'data.txt', content: Buffer.from('abc\0def'), status: 415, error: /octet/ },
  ],
  [
    'UTF-16 text named .txt',
    { name: 'utf16.txt', content: UTF16_TEXT, status: 415, error: /not a \.txt file/ },
  ],
  ['an empty .png', { name: 'empty.png', content: Buffer.alloc(0), status: 415, error: /empty/ }],
  [
    'PHP named .php (type not allowed)',
    { name: 'shell.php', content: Buffer.from('<?php echo 1; ?>'), status: 415, error: /php/ },
  ],
];

/**
 * Polyglots whose bytes really are the declared format: stored, but served so no browser runs the
 * hidden part (detected type, nosniff, CSP sandbox, attachment unless a safe inline type).
 */
const SERVED: [string, Served][] = [
  [
    'GIF/JS polyglot named .gif',
    { name: 'a.gif', content: GIF_JS, type: 'image/gif', disposition: 'inline' },
  ],
  [
    'PDF/HTML polyglot named .pdf',
    { name: 'a.pdf', content: PDF_HTML, type: 'application/pdf', disposition: 'inline' },
  ],
  [
    'JPEG with a zip appended named .jpg',
    { name: 'a.jpg', content: JPEG_ZIP, type: 'image/jpeg', disposition: 'inline' },
  ],
  [
    'JPEG with PHP appended named .jpg',
    { name: 'b.jpg', content: JPEG_PHP, type: 'image/jpeg', disposition: 'inline' },
  ],
  [
    'PNG with HTML appended named .png',
    { name: 'c.png', content: PNG_THEN_HTML, type: 'image/png', disposition: 'inline' },
  ],
  [
    'SVG with script',
    { name: 'logo.svg', content: SVG_SCRIPT, type: 'image/svg+xml', disposition: 'attachment' },
  ],
  [
    'SVG with an XXE entity',
    { name: 'xxe.svg', content: SVG_XXE, type: 'image/svg+xml', disposition: 'attachment' },
  ],
  [
    'EICAR test string as .txt',
    { name: 'eicar.txt', content: EICAR, type: 'text/plain', disposition: 'attachment' },
  ],
  [
    'zip bomb (50 MiB of zeros deflated), stored as sent',
    { name: 'bomb.zip', content: ZIP_BOMB, type: 'application/zip', disposition: 'attachment' },
  ],
];

describe('hostile: file content', () => {
  let t: TestApp;
  let visitor: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp();
    const { owner, widgetKey } = await accountWithOperator(t);
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: 'png|jpg|jpeg|gif|heic|pdf|txt|csv|svg|zip', maxSizeKb: 1024 },
    });
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const upload = (name: string, content: Buffer, type = 'application/octet-stream') =>
    request(t.url)
      .post(`/v1/chats/${visitor.chatId}/attachments`)
      .set(visitor.auth)
      .attach('files', content, { filename: name, contentType: type });

  it.each(REFUSED)('refuses %s', async (_, c) => {
    const res = await storesNothing(t, () => upload(c.name, c.content));
    expect(res.status).toBe(c.status);
    expect(res.body.error).toMatch(c.error);
  });

  it.each(SERVED)('stores %s and serves it inertly', async (_, c) => {
    const res = await upload(c.name, c.content);
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: c.name, size: c.content.length, contentType: c.type });
    const got = await request(t.url).get(pathOf(res.body[0].url)).buffer(true).parse(binary);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toContain(c.type);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe('sandbox');
    expect(got.headers['content-disposition']).toMatch(new RegExp(`^${c.disposition}`));
    expect(Buffer.compare(got.body as Buffer, c.content)).toBe(0);
  });

  it('stores by the detected type, not the part Content-Type the client declared', async () => {
    const res = await upload('dot.png', PNG, 'text/html');
    expect(res.status).toBe(201);
    expect(res.body[0].contentType).toBe('image/png');
  });
});

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
