import { DataSource } from 'typeorm';
import { pdfOfSize, PNG, setUploadSettings } from '../support/files';
import { accountWithOperator, startVisitorChat } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';
import { BOUNDARY, multipartBody, partBytes, rawPost, type Part } from './support/multipart';
import { jsonOf, openRaw, rawExchange, replyOf, type RawReply } from './support/raw-http';

const LIMIT = 16 * 1024;
const png = (filename = 'a.png'): Part => ({ name: 'files', filename, type: 'image/png', content: PNG });
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

describe('hostile: sizes and multipart framing', () => {
  let t: TestApp;
  let visitor: { chatId: string; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await startTestApp({ MAX_FILES_PER_REQUEST: '3', UPLOAD_STALL_TIMEOUT_MS: '1000' });
    const { owner, widgetKey } = await accountWithOperator(t);
    await setUploadSettings(t, owner.auth, { visitor: { allowedTypes: 'png|pdf', maxSizeKb: LIMIT / 1024 } });
    visitor = await startVisitorChat(t, widgetKey);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const path = () => `/v1/chats/${visitor.chatId}/attachments`;
  const post = (body: Buffer, opts?: Parameters<typeof rawPost>[3]) =>
    rawExchange(t.url, rawPost(path(), visitor.auth.Authorization, body, opts));
  const refused = async (send: () => Promise<RawReply>, status: number, error: RegExp) => {
    const reply = await storesNothing(t, send);
    expect(reply.status).toBe(status);
    expect(String(jsonOf(reply)?.['error'])).toMatch(error);
    return reply;
  };

  it('stores a file of exactly the limit', async () => {
    const reply = await post(
      multipartBody([{ ...png('exact.pdf'), type: 'application/pdf', content: pdfOfSize(LIMIT) }]),
    );
    expect(reply.status).toBe(201);
  });

  it('refuses the limit + 1 byte with 413 naming the file and the limit', async () => {
    const reply = await refused(
      () => post(multipartBody([{ name: 'files', filename: 'over.pdf', content: pdfOfSize(LIMIT + 1) }])),
      413,
      /over\.pdf/,
    );
    expect(jsonOf(reply)).toMatchObject({ file: 'over.pdf', limitKb: LIMIT / 1024 });
  });

  it('refuses a multipart Content-Type without a boundary', () =>
    refused(() => post(multipartBody([png()]), { contentType: 'multipart/form-data' }), 400, /multipart/));

  it('refuses a body whose boundary is not the declared one', () =>
    refused(
      () =>
        post(multipartBody([png()], 'other-boundary'), {
          contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        }),
      400,
      /files is required|Malformed/,
    ));

  it('reads only the first of two boundary parameters', () =>
    refused(
      () =>
        post(multipartBody([png()], 'second'), {
          contentType: `multipart/form-data; boundary=${BOUNDARY}; boundary=second`,
        }),
      400,
      /files is required|Malformed/,
    ));

  it('refuses a truncated multipart body (no closing boundary)', () =>
    refused(
      () => post(partBytes({ ...png(), content: pdfOfSize(4000) })),
      400,
      /Malformed multipart|Unexpected end/,
    ));

  it('refuses a body cut in the middle of a part header', () =>
    refused(
      () => post(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`)),
      400,
      /Malformed multipart|Unexpected end/,
    ));

  it('stores a chunked upload without Content-Length', async () => {
    const body = multipartBody([png('chunked.png')]);
    const chunked = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const reply = await post(chunked, { length: null, extraHeaders: ['Transfer-Encoding: chunked'] });
    expect(reply.status).toBe(201);
  });

  it('refuses an oversized chunked upload without Content-Length with 413', async () => {
    const body = multipartBody([{ name: 'files', filename: 'big.pdf', content: pdfOfSize(LIMIT * 4) }]);
    const chunked = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    await refused(
      () => post(chunked, { length: null, extraHeaders: ['Transfer-Encoding: chunked'] }),
      413,
      /big\.pdf/,
    );
  });

  it('refuses Content-Length together with chunked (request smuggling) at the parser', async () => {
    const body = multipartBody([png()]);
    const reply = await storesNothing(t, () => post(body, { extraHeaders: ['Transfer-Encoding: chunked'] }));
    expect(reply.status).toBe(400);
  });

  it('cuts a Content-Length larger than the body that is sent with 408 once the body stalls', async () => {
    const reply = await refused(() => post(multipartBody([png()]), { length: 10_000 }), 408, /stalled/);
    expect(jsonOf(reply)?.['code']).toBe('UPLOAD_STALLED');
  });

  it('refuses a Content-Length smaller than the body (the rest is not a request)', async () => {
    const body = multipartBody([{ ...png('short.pdf'), type: 'application/pdf', content: pdfOfSize(8000) }]);
    const reply = await storesNothing(t, () => post(body, { length: 5000 }));
    expect(reply.status).toBe(400);
  });

  it('refuses a negative Content-Length at the parser', async () => {
    const reply = await storesNothing(t, () =>
      rawExchange(
        t.url,
        `POST ${path()} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${visitor.auth.Authorization}\r\nContent-Length: -1\r\n\r\n`,
      ),
    );
    expect(reply.status).toBe(400);
  });

  it('does not let a CRLF in the file name add part headers', async () => {
    const injected = 'a.png"\r\nContent-Type: text/html\r\nX-Evil: "1';
    const reply = await post(multipartBody([{ ...png(injected) }]));
    if (reply.status === 201) {
      expect(JSON.parse(reply.body)[0]).toMatchObject({ contentType: 'image/png' });
    } else {
      expect(reply.status).toBe(400);
    }
  });

  it('refuses a 100 KB part header', () =>
    refused(
      () => post(multipartBody([{ ...png(), headers: [`X-Padding: ${'p'.repeat(100 * 1024)}`] }])),
      400,
      /Malformed multipart/,
    ));

  it('refuses a thousand empty parts', () =>
    refused(
      () => post(multipartBody(Array.from({ length: 1000 }, () => ({ name: 'x', content: '' })))),
      413,
      /Too many form (fields|parts)/,
    ));

  it('refuses a flood of form fields before the file', () =>
    refused(
      () =>
        post(
          multipartBody([...Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, content: 'v' })), png()]),
        ),
      413,
      /Too many form (fields|parts)/,
    ));

  it('refuses a 1 MiB form field', () =>
    refused(
      () => post(multipartBody([{ name: 'text', content: 'x'.repeat(1024 * 1024) }, png()])),
      413,
      /too long/,
    ));

  it('refuses more files than MAX_FILES_PER_REQUEST, storing none of them', () =>
    refused(
      () => post(multipartBody([png('1.png'), png('2.png'), png('3.png'), png('4.png')])),
      413,
      /Too many files/,
    ));

  it('refuses files sent under another field name', () =>
    refused(() => post(multipartBody([{ ...png(), name: 'file' }])), 400, /Unexpected file field/));

  it('refuses a JSON body on the upload endpoint', () =>
    refused(
      () => post(Buffer.from('{"files":["a.png"]}'), { contentType: 'application/json' }),
      400,
      /multipart|files/,
    ));

  it('answers a part with no Content-Disposition without storing it', () =>
    refused(
      () =>
        post(
          Buffer.concat([
            Buffer.from(`--${BOUNDARY}\r\nContent-Type: image/png\r\n\r\n`),
            PNG,
            Buffer.from('\r\n'),
            end,
          ]),
        ),
      400,
      /files is required/,
    ));

  describe('messages with files (all or nothing)', () => {
    const withFiles = (body: Buffer) =>
      rawExchange(
        t.url,
        rawPost(`/v1/chats/${visitor.chatId}/messages/with-files`, visitor.auth.Authorization, body),
      );
    const messages = async () =>
      (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM messages')).at(0).n as number;
    const refusedMessage = async (body: Buffer, status: number, error: RegExp) => {
      const before = await messages();
      await refused(() => withFiles(body), status, error);
      expect(await messages()).toBe(before);
    };

    it('stores neither file nor message when the text after the file is too long', () =>
      refusedMessage(
        multipartBody([png(), { name: 'text', content: 'x'.repeat(10_001) }]),
        400,
        /text must be/,
      ));
    it('stores neither when the text field overflows the form field limit', () =>
      refusedMessage(
        multipartBody([png(), { name: 'text', content: 'x'.repeat(100 * 1024) }]),
        413,
        /too long/,
      ));
    it('stores neither when the second file is refused', () =>
      refusedMessage(
        multipartBody([
          { name: 'text', content: 'hello' },
          png(),
          { ...png('page.png'), content: '<html></html>' },
        ]),
        415,
        /page\.png/,
      ));
  });

  it('keeps serving while a half-sent upload holds a connection open', async () => {
    const socket = await openRaw(t.url);
    const reply = replyOf(socket);
    socket.write(rawPost(path(), visitor.auth.Authorization, partBytes(png()), { length: 100_000 }));
    await expectHealthy(t, visitor.chatId, visitor.auth);
    expect((await reply).status).toBe(408);
  });
});
