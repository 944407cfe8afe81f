import request from 'supertest';
import { PNG, uploadFile, type UploadedAttachment } from '../support/files';
import { accountWithOperator, startVisitorChat, type Session } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';
import { rawExchange } from './support/raw-http';

/** Hostile request lines, headers and JSON bodies: each refused cleanly, never a 500. */
describe('hostile: request lines, headers and JSON bodies', () => {
  let t: TestApp;
  let owner: Session;
  let visitor: { chatId: string; auth: { Authorization: string } };
  let file: UploadedAttachment;

  beforeAll(async () => {
    t = await startTestApp();
    let widgetKey: string;
    ({ owner, widgetKey } = await accountWithOperator(t));
    visitor = await startVisitorChat(t, widgetKey);
    file = await uploadFile(t, visitor.chatId, visitor.auth, 'dot.png', PNG);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const settings = () => request(t.url).put('/v1/settings/uploads').set(owner.auth);
  const content = (range: string) =>
    request(t.url).get(`/v1/attachments/${file.id}/content`).set(visitor.auth).set('Range', range);

  describe('JSON bodies', () => {
    it('refuses JSON nested 100 000 levels deep with 400', async () => {
      const res = await settings()
        .set('Content-Type', 'application/json')
        .send('['.repeat(100_000) + ']'.repeat(100_000));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'The request body is nested more than 32 levels deep',
        code: 'BODY_TOO_DEEP',
      });
    });
    it('refuses a JSON body over 1 MB with 413', async () => {
      const res = await settings().send({ visitor: { allowedTypes: 'x'.repeat(1100 * 1024) } });
      expect(res.status).toBe(413);
    });
    it('refuses malformed JSON with 400', async () => {
      const res = await settings().set('Content-Type', 'application/json').send('{"visitor": {');
      expect(res.status).toBe(400);
    });
    it('ignores __proto__ keys: no setting and no object is polluted', async () => {
      const res = await settings()
        .set('Content-Type', 'application/json')
        .send(
          '{"__proto__": {"enabled": false, "polluted": true}, "visitor": {"__proto__": {"enabled": false}}}',
        );
      expect([200, 400]).toContain(res.status);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      await uploadFile(t, visitor.chatId, visitor.auth, 'still.png', PNG);
    });
    it('refuses a wrong type for a boolean setting with 400', async () => {
      const res = await settings().send({ visitor: { enabled: 'false' } });
      expect(res.status).toBe(400);
      expect(typeof res.body.error).toBe('string');
    });
  });

  describe('Range headers on downloads', () => {
    it('answers 416 for a start past the end', async () => {
      expect((await content('bytes=99999999999999999999-')).status).toBe(416);
    });
    it('clamps a huge end to the last byte', async () => {
      const res = await content('bytes=0-99999999999999999999999').buffer(true);
      expect([200, 206]).toContain(res.status);
    });
    it('serves the whole file for a multi-range request', async () => {
      expect((await content('bytes=0-1,2-3,4-5')).status).toBe(200);
    });
    it('serves the whole file for a malformed range', async () => {
      expect((await content('bytes=abc-def')).status).toBe(200);
    });
    it('answers 416 for an empty suffix range', async () => {
      expect((await content('bytes=-0')).status).toBe(416);
    });
  });

  describe('request lines and headers', () => {
    const raw = (line: string, headers: string[] = []) =>
      rawExchange(t.url, [line, 'Host: 127.0.0.1', 'Connection: close', ...headers, '', ''].join('\r\n'));

    it('answers 404 for an encoded path traversal', async () => {
      const r = await raw(`GET /v1/attachments/..%2f..%2f..%2fetc%2fpasswd/content HTTP/1.1`, [
        `Authorization: ${visitor.auth.Authorization}`,
      ]);
      expect([400, 404]).toContain(r.status);
    });
    it('answers 404 for a NUL byte in the path', async () => {
      const r = await raw(`GET /v1/attachments/${file.id}%00.png HTTP/1.1`, [
        `Authorization: ${visitor.auth.Authorization}`,
      ]);
      expect([400, 404]).toContain(r.status);
    });
    it('refuses a raw NUL in the request line at the parser', async () => {
      expect((await raw(`GET /health\0 HTTP/1.1`)).status).toBe(400);
    });
    it('refuses a 20 KB header with 431', async () => {
      expect((await raw('GET /health HTTP/1.1', [`X-Big: ${'b'.repeat(20 * 1024)}`])).status).toBe(431);
    });
    it('refuses a header without a colon', async () => {
      expect((await raw('GET /health HTTP/1.1', ['NoColonHere'])).status).toBe(400);
    });
    it('does not honour X-HTTP-Method-Override', async () => {
      const res = await request(t.url)
        .get(`/v1/attachments/${file.id}`)
        .set(owner.auth)
        .set('X-HTTP-Method-Override', 'DELETE');
      expect(res.status).toBe(200);
      await request(t.url).get(`/v1/attachments/${file.id}`).set(owner.auth).expect(200);
    });
    it('answers TRACE with 404, echoing nothing', async () => {
      const r = await raw('TRACE /health HTTP/1.1', [`Authorization: ${visitor.auth.Authorization}`]);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain(visitor.auth.Authorization);
    });
    it('refuses an Idempotency-Key with spaces and quotes with 400', async () => {
      const res = await storesNothing(t, () =>
        request(t.url)
          .post(`/v1/chats/${visitor.chatId}/attachments`)
          .set(visitor.auth)
          .set('Idempotency-Key', 'key with "quotes" and spaces')
          .attach('files', PNG, 'x.png'),
      );
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('Idempotency-Key');
    });
    it('refuses an empty multipart boundary with 400', async () => {
      const res = await storesNothing(t, () =>
        request(t.url)
          .post(`/v1/chats/${visitor.chatId}/attachments`)
          .set(visitor.auth)
          .set('Content-Type', 'multipart/form-data; boundary=')
          .send('--\r\n'),
      );
      expect(res.status).toBe(400);
    });
  });
});
