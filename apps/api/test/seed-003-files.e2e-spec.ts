import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, startVisitorChat, type Session } from './support/fixtures';
import { attachmentRows, HTML, pdfOfSize, PNG, storedFiles } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const FAILURE = 'An error occurred while uploading file.';

interface Loopback {
  server: Server;
  base: string;
  seen: IncomingMessage[];
}

async function listen(
  handler: (req: IncomingMessage, body: string) => [number, object | Buffer, Record<string, string>?],
): Promise<Loopback> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(req);
      const [status, out, headers = {}] = handler(req, body);
      const bytes = Buffer.isBuffer(out) ? out : Buffer.from(JSON.stringify(out));
      res.writeHead(status, { 'content-length': bytes.length, ...headers }).end(bytes);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('seed 003: stream upload and download by name (POST|GET /v1/files)', () => {
  let t: TestApp;
  let operator: Session;
  let chat: { chatId: string; auth: { Authorization: string } };
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ operator, widgetKey } = await accountWithOperator(t));
    chat = await startVisitorChat(t, widgetKey);
  });
  afterAll(() => t.close());

  const upload = (conversationId: string, auth = chat.auth) =>
    request(t.url).post(`/v1/files?conversationId=${conversationId}`).set(auth);
  async function leavesNothing(work: () => Promise<unknown>) {
    const files = storedFiles(t);
    const rows = await attachmentRows(t);
    await work();
    expect(storedFiles(t)).toEqual(files);
    expect(await attachmentRows(t)).toBe(rows);
  }

  it('answers the seed body for the file stream, then serves it by the name alone (Range too)', async () => {
    const pdf = pdfOfSize(20_000);
    const res = await upload(chat.chatId).attach('file', pdf, 'invoice.pdf').expect(200);
    const etag = `"${res.body.etag.slice(1, -1)}"`;
    expect(res.text).toBe(
      JSON.stringify({
        message: 'File uploaded successfully.',
        etag,
        name: `${chat.chatId}_invoice.pdf`,
        type: 'application/pdf',
        size: pdf.length,
      }),
    );
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const byName = (auth: Record<string, string>) =>
      request(t.url)
        .get(`/v1/files?filename=${encodeURIComponent(res.body.name)}`)
        .set(auth);
    const dl = await byName(operator.auth).expect(200);
    expect(dl.headers.etag).toBe(etag);
    expect(Buffer.compare(dl.body as Buffer, pdf)).toBe(0);
    const part = await byName(chat.auth).set('Range', 'bytes=0-9').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${pdf.length}`);
  });

  it("downloads follow the chat rules: another chat's visitor and a stranger get nothing", async () => {
    await upload(chat.chatId).attach('file', PNG, 'dot.png').expect(200);
    const name = encodeURIComponent(`${chat.chatId}_dot.png`);
    const other = await startVisitorChat(t, widgetKey);
    await request(t.url).get(`/v1/files?filename=${name}`).set(other.auth).expect(404);
    await request(t.url).get(`/v1/files?filename=${name}`).expect(401);
    await request(t.url).get(`/v1/files?filename=nochat_dot.png`).set(operator.auth).expect(404);
    await request(t.url).get(`/v1/files`).set(operator.auth).expect(400);
  });

  it.each([
    [
      'a type outside the rule',
      (c: string) => upload(c).attach('file', PNG, 'x.exe'),
      'x.exe: file type .exe is not allowed (allowed: jpg, jpeg, png, gif, heic, heif, pdf, doc, docx, xls, xlsx)',
    ],
    [
      'content that is not what its name says',
      (c: string) => upload(c).attach('file', HTML, 'a.pdf'),
      'a.pdf: the content is text/html, not a .pdf file',
    ],
    [
      'a file over the limit',
      (c: string) => upload(c).attach('file', pdfOfSize(5 * 1024 * 1024 + 1), 'big.pdf'),
      'big.pdf: file is larger than the limit of 5120 KB',
    ],
    ['no file', (c: string) => upload(c).field('x', '1'), 'file is required'],
    ['a JSON body', (c: string) => upload(c).send({ file: 'x' }), 'file is required'],
    [
      'an unknown conversation',
      () => upload('00000000-0000-4000-8000-000000000000').attach('file', PNG, 'a.png'),
      'Chat not found',
    ],
    [
      'a conversation that is not an id',
      () => upload('..%2F..').attach('file', PNG, 'a.png'),
      'Chat not found',
    ],
    [
      'no conversationId',
      () => request(t.url).post('/v1/files').set(chat.auth).attach('file', PNG, 'a.png'),
      'conversationId is required',
    ],
  ])(
    'answers 404 with the seed message and the reason for %s, leaving nothing behind',
    async (_l, send, reason) => {
      await leavesNothing(async () => {
        const res = await send(chat.chatId).expect(404);
        expect(res.body).toMatchObject({ message: FAILURE, error: reason });
      });
    },
  );

  it("another chat's visitor cannot upload into this conversation; without a token it is 401", async () => {
    const other = await startVisitorChat(t, widgetKey);
    await leavesNothing(async () => {
      const res = await upload(chat.chatId, other.auth).attach('file', PNG, 'a.png').expect(404);
      expect(res.body).toEqual({ message: FAILURE, error: 'Chat not found', code: 'NOT_FOUND' });
      await request(t.url)
        .post(`/v1/files?conversationId=${chat.chatId}`)
        .attach('file', PNG, 'a.png')
        .expect(401);
    });
  });
});

describe('seed 003: from-URL with oauth, APIKey360 and channel', () => {
  const pdf = pdfOfSize(10_000);
  let t: TestApp;
  let owner: Session;
  let chatId: string;
  let files: Loopback;
  let tokens: Loopback;
  let elsewhere: Loopback;

  beforeAll(async () => {
    elsewhere = await listen(() => [200, pdf, { 'content-type': 'application/pdf' }]);
    tokens = await listen((req, body) => {
      const form = new URLSearchParams(body);
      const basic = `Basic ${Buffer.from('satchel-client:s3cret').toString('base64')}`;
      if (req.headers.authorization !== basic || form.get('grant_type') !== 'client_credentials')
        return [401, { error: 'invalid_client' }];
      return [
        200,
        { access_token: `cc-token-${form.get('scope') ?? ''}`, token_type: 'bearer', expires_in: 60 },
      ];
    });
    files = await listen((req) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/bearer.pdf')
        return req.headers.authorization === 'Bearer tok-1' ? [200, pdf] : [401, { error: 'no' }];
      if (url.pathname === '/cc.pdf')
        return req.headers.authorization === 'Bearer cc-token-files.read'
          ? [200, pdf]
          : [401, { error: 'no' }];
      if (url.pathname === '/360.pdf')
        return req.headers['d360-api-key'] === 'key-360' ? [200, pdf] : [401, {}];
      if (url.pathname === '/away.pdf')
        return [302, Buffer.alloc(0), { location: `${elsewhere.base}/x.pdf` }];
      return [404, {}];
    });
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' });
    const cast = await accountWithOperator(t);
    owner = cast.owner;
    ({ chatId } = await startVisitorChat(t, cast.widgetKey));
  });
  afterAll(async () => {
    await t.close();
    for (const s of [files, tokens, elsewhere]) await new Promise((r) => s.server.close(r));
  });

  const fromUrl = (body: object) =>
    request(t.url).post(`/v1/chats/${chatId}/attachments/from-url`).set(owner.auth).send(body);

  it('sends a bearer oauth token to the source', async () => {
    const res = await fromUrl({
      sourceUrl: `${files.base}/bearer.pdf`,
      oauth: { accessToken: 'tok-1' },
    }).expect(200);
    expect(res.body).toMatchObject({
      message: 'File uploaded successfully.',
      name: `${chatId}_bearer.pdf`,
      size: pdf.length,
    });
    const without = await fromUrl({ sourceUrl: `${files.base}/bearer.pdf` }).expect(422);
    expect(without.body).toEqual({
      error: 'the source answered HTTP 401',
      message: FAILURE,
      code: 'SOURCE_UNAVAILABLE',
    });
  });

  it('obtains a token with client credentials at tokenUrl (through the SSRF guard) and uses it', async () => {
    const oauth = {
      tokenUrl: `${tokens.base}/token`,
      clientId: 'satchel-client',
      clientSecret: 's3cret',
      scope: 'files.read',
    };
    await fromUrl({ sourceUrl: `${files.base}/cc.pdf`, oauth }).expect(200);
    const bad = await fromUrl({
      sourceUrl: `${files.base}/cc.pdf`,
      oauth: { ...oauth, clientSecret: 'wrong' },
    }).expect(422);
    expect(bad.body).toEqual({
      error: 'oauth: the token endpoint answered HTTP 401',
      message: FAILURE,
      code: 'SOURCE_UNAVAILABLE',
    });
    const blocked = await fromUrl({
      sourceUrl: `${files.base}/cc.pdf`,
      oauth: { ...oauth, tokenUrl: `http://127.0.0.2:${new URL(tokens.base).port}/token` },
    }).expect(400);
    expect(blocked.body).toEqual({
      error: expect.stringMatching(/^oauth: tokenUrl is not allowed: /),
      message: FAILURE,
      code: 'OUTBOUND_URL_BLOCKED',
    });
    const half = await fromUrl({
      sourceUrl: `${files.base}/cc.pdf`,
      oauth: { tokenUrl: `${tokens.base}/token` },
    }).expect(400);
    expect(half.body).toMatchObject({
      error: 'oauth needs accessToken, or tokenUrl with clientId and clientSecret',
      message: FAILURE,
    });
  });

  it('forwards APIKey360 as D360-API-KEY, stores the channel, and drops the key on a redirect to another origin', async () => {
    const res = await fromUrl({
      sourceUrl: `${files.base}/360.pdf`,
      APIKey360: 'key-360',
      channel: 'whatsapp',
    }).expect(200);
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT channel FROM attachments WHERE id = $1`, [res.body.id]);
    expect(row.channel).toBe('whatsapp');
    const listed = await request(t.url).get(`/v1/attachments/${res.body.id}`).set(owner.auth).expect(200);
    expect(listed.body.channel).toBe('whatsapp');
    await fromUrl({
      sourceUrl: `${files.base}/away.pdf`,
      APIKey360: 'key-360',
      oauth: { accessToken: 'tok-1' },
    }).expect(200);
    const hop = elsewhere.seen.at(-1);
    expect(hop?.headers['d360-api-key']).toBeUndefined();
    expect(hop?.headers.authorization).toBeUndefined();
  });
});
