import request from 'supertest';
import { DataSource } from 'typeorm';
import { pathOf, PNG, setUploadSettings } from '../support/files';
import { accountWithOperator, startVisitorChat } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';
import { multipartBody, rawPost } from './support/multipart';
import { jsonOf, rawExchange } from './support/raw-http';

/** Hostile file names that are still a PNG: stored under a generated key with a cleaned display name. */
const CLEANED: [string, string, string][] = [
  ['path traversal', '../../../etc/cron.d/x.png', 'x.png'],
  ['Windows path traversal', '..\\..\\windows\\system32\\x.png', 'x.png'],
  ['an absolute path', '/var/www/html/index.png', 'index.png'],
  ['a drive-letter path', 'C:\\Users\\Public\\evil.png', 'evil.png'],
  ['an RTL override hiding the real order', 'invoice\u202Egpj.png', 'invoicegpj.png'],
  ['zero-width characters', 'pay\u200Bpal\u200D.png', 'paypal.png'],
  ['a BOM and C1 controls', '\uFEFFname\u0085.png', 'name.png'],
  ['a reserved Windows device name', 'CON.png', 'CON.png'],
  ['another reserved device name', 'COM1.png', 'COM1.png'],
  ['leading dots (hidden file)', '...hidden.png', 'hidden.png'],
  ['another extension before the real one', 'shell.php.png', 'shell.php.png'],
  ['HTML markup in the name', '<img src=x onerror=alert(1)>.png', '<img src=x onerror=alert(1)>.png'],
];

/** Names refused before any byte is stored. */
const REFUSED: [string, string, number, RegExp][] = [
  ['a double extension ending in .exe', 'invoice.pdf.exe', 415, /exe/],
  ['an RTL override hiding .exe', 'photo\u202Egnp.exe', 415, /exe/],
  ['only dots', '...', 415, /not allowed|type/],
  ['a dot file without extension', '.htaccess', 415, /not allowed|type/],
  ['no extension at all', 'README', 415, /not allowed|type/],
  ['a trailing dot', 'photo.png.', 415, /not allowed|type/],
  ['control characters in the part header', 'bell\u0007tab.png', 400, /Malformed multipart/],
];

describe('hostile: file names', () => {
  let t: TestApp;
  let visitor: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp();
    const { owner, widgetKey } = await accountWithOperator(t);
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png|pdf' } });
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  /** Sends the name byte for byte (supertest would escape some characters). */
  const uploadNamed = (filename: string) =>
    rawExchange(
      t.url,
      rawPost(
        `/v1/chats/${visitor.chatId}/attachments`,
        visitor.auth.Authorization,
        multipartBody([{ name: 'files', filename, type: 'image/png', content: PNG }]),
        { extraHeaders: [] },
      ),
    );
  const storageKeyOf = async (id: string): Promise<string> =>
    (await t.app.get(DataSource).query('SELECT storage_key FROM attachments WHERE id = $1', [id]))[0]
      .storage_key;

  it.each(CLEANED)('stores a name with %s under a generated key', async (_, raw, shown) => {
    const reply = await uploadNamed(Buffer.from(raw, 'utf8').toString('latin1'));
    expect(reply.status).toBe(201);
    const [a] = JSON.parse(Buffer.from(reply.body, 'latin1').toString('utf8')) as {
      id: string;
      name: string;
      url: string;
    }[];
    expect(a.name).toBe(shown);
    expect(await storageKeyOf(a.id)).toMatch(
      /^accounts\/[0-9a-f-]{36}\/chats\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/,
    );
    const got = await request(t.url).get(pathOf(a.url)).expect(200);
    // eslint-disable-next-line no-control-regex
    expect(got.headers['content-disposition']).not.toMatch(/[\u0000-\u001f\u007f]|\.\.\//);
  });

  it.each(REFUSED)('refuses %s', async (_, raw, status, error) => {
    const reply = await storesNothing(t, () => uploadNamed(raw));
    expect(reply.status).toBe(status);
    expect(String(jsonOf(reply)?.['error'])).toMatch(error);
  });

  it('cuts a 2000-byte name to 255 bytes and keeps its extension', async () => {
    const reply = await uploadNamed(`${'a'.repeat(2000)}.png`);
    expect(reply.status).toBe(201);
    const [a] = JSON.parse(reply.body) as { name: string }[];
    expect(Buffer.byteLength(a.name)).toBeLessThanOrEqual(255);
    expect(a.name.endsWith('.png')).toBe(true);
  });

  it('cuts a long multi-byte name on a character boundary', async () => {
    const reply = await uploadNamed(Buffer.from(`${'ж'.repeat(400)}.png`, 'utf8').toString('latin1'));
    expect(reply.status).toBe(201);
    const [a] = JSON.parse(Buffer.from(reply.body, 'latin1').toString('utf8')) as { name: string }[];
    expect(Buffer.byteLength(a.name)).toBeLessThanOrEqual(255);
    expect(a.name).toMatch(/^ж+\.png$/);
  });

  it('treats a NUL in the name as nothing more than a removed character', async () => {
    const reply = await uploadNamed('evil.php\u0000.png');
    expect(reply.status === 201 || reply.status === 400 || reply.status === 415).toBe(true);
    if (reply.status === 201)
      expect((JSON.parse(reply.body) as { name: string }[])[0].name).not.toContain('\u0000');
  });
});
