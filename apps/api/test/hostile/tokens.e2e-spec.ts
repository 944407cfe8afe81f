import request from 'supertest';
import { DataSource } from 'typeorm';
import { Signer } from '../../src/common/crypto/signer';
import { pathOf, PNG, uploadFile, type UploadedAttachment } from '../support/files';
import {
  accountWithOperator,
  createApiToken,
  createTenant,
  startVisitorChat,
  type Session,
} from '../support/fixtures';
import { connect, connectionString, type Connected } from '../support/socket';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectHealthy } from './support/healthy';
import { storesNothing } from './support/leftovers';

type Visitor = { chatId: string; auth: { Authorization: string } };

/** Flips one character in the middle of `s`: a tampered token of the same shape. */
const tamper = (s: string) => {
  const i = Math.floor(s.length / 2);
  return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
};
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('hostile: tokens and signatures', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;
  let visitor: Visitor;
  let file: UploadedAttachment;
  let other: UploadedAttachment;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, widgetKey } = await accountWithOperator(t));
    visitor = await startVisitorChat(t, widgetKey);
    file = await uploadFile(t, visitor.chatId, visitor.auth, 'mine.png', PNG);
    other = await uploadFile(t, visitor.chatId, visitor.auth, 'other.png', PNG);
  });
  afterAll(async () => {
    await expectHealthy(t, visitor.chatId, visitor.auth);
    await t.close();
  });

  const uploadWith = (authorization: string | undefined, chatId = visitor.chatId) => {
    const req = request(t.url).post(`/v1/chats/${chatId}/attachments`);
    if (authorization !== undefined) req.set('Authorization', authorization);
    return req.attach('files', PNG, 'x.png');
  };
  const refusedUpload = async (
    authorization: string | undefined,
    status: number,
    error: RegExp,
    chatId?: string,
  ) => {
    const res = await storesNothing(t, () => uploadWith(authorization, chatId));
    expect(res.status).toBe(status);
    expect(res.body.error).toMatch(error);
  };

  describe('upload credentials', () => {
    it('refuses no Authorization header', () => refusedUpload(undefined, 401, /Unauthorized/));
    it('refuses an unknown scheme', () =>
      refusedUpload(`Basic ${visitor.auth.Authorization.slice(6)}`, 401, /Unauthorized/));
    it('refuses a tampered visitor token', () =>
      refusedUpload(tamper(visitor.auth.Authorization), 401, /Unauthorized/));
    it('refuses an 8 KB token', () => refusedUpload(`Token ${'a'.repeat(8 * 1024)}`, 401, /Unauthorized/));
    it('refuses a token with control characters and spaces', () =>
      refusedUpload('Token abc\tdef ghi', 401, /Unauthorized/));

    it('refuses an expired visitor token', async () => {
      const v = await startVisitorChat(t, widgetKey);
      await t.app
        .get(DataSource)
        .query(`UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE chat_id = $1`, [
          v.chatId,
        ]);
      await refusedUpload(v.auth.Authorization, 401, /Unauthorized/, v.chatId);
    });

    it('refuses a revoked API token', async () => {
      const api = await createApiToken(t, owner);
      const list = await request(t.url).get('/v1/api-tokens').set(owner.auth).expect(200);
      const items = (list.body.items ?? list.body) as { id: string }[];
      await request(t.url)
        .delete(`/v1/api-tokens/${items[items.length - 1].id}`)
        .set(owner.auth)
        .expect(204);
      await refusedUpload(api.Authorization, 401, /Unauthorized/);
    });

    it('refuses a session token after logout', async () => {
      const { operator } = await accountWithOperator(t);
      await request(t.url)
        .post('/v1/auth/logout')
        .set(operator.auth)
        .expect((r) => expect(r.status).toBeLessThan(300));
      await refusedUpload(operator.auth.Authorization, 401, /Unauthorized/);
    });

    it('refuses a signed download link used as a bearer token', () =>
      refusedUpload(`Bearer ${new URL(file.url).searchParams.get('sig')}`, 401, /Unauthorized/));

    it('refuses a visitor token on another chat of the same account with 404', async () => {
      const b = await startVisitorChat(t, widgetKey);
      await refusedUpload(visitor.auth.Authorization, 404, /not found/, b.chatId);
    });

    it("refuses a visitor token on another tenant's chat with 404", async () => {
      const tenant = await createTenant(t, owner);
      const foreign = await startVisitorChat(t, tenant.account.widgetKey);
      await refusedUpload(visitor.auth.Authorization, 404, /not found/, foreign.chatId);
    });
  });

  describe('signed download links', () => {
    const download = (id: string, sig: string) =>
      request(t.url).get(`/v1/attachments/${id}/content`).query({ sig });
    const sigOf = (a: UploadedAttachment) => new URL(a.url).searchParams.get('sig') as string;
    const refused = async (id: string, sig: string, error: RegExp) => {
      const res = await download(id, sig);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(error);
    };

    it('serves the genuine link', () => request(t.url).get(pathOf(file.url)).expect(200));
    it('refuses a link whose expiry was pushed back without re-signing', () => {
      const [, mac] = sigOf(file).split('.');
      return refused(file.id, `${b64({ a: file.id, e: 4102444800 })}.${mac}`, /Invalid download link/);
    });
    it('refuses a link with its expiry removed (made permanent) without re-signing', () => {
      const [, mac] = sigOf(file).split('.');
      return refused(file.id, `${b64({ a: file.id })}.${mac}`, /Invalid download link/);
    });
    it('refuses a tampered signature', () => refused(file.id, tamper(sigOf(file)), /Invalid download link/));
    it("refuses one file's link on another file", () =>
      refused(other.id, sigOf(file), /Invalid download link/));
    it('refuses a correctly signed but expired link', () => {
      const signer = new Signer(t.config.secretsKey as Buffer, 'attachment-download');
      return refused(file.id, signer.sign({ a: file.id, e: Math.floor(Date.now() / 1000) - 60 }), /expired/);
    });
    it('refuses a string signed for another purpose (a connection string)', async () => {
      const cs = await connectionString(t.url, visitor.chatId, visitor.auth);
      await refused(file.id, cs, /Invalid download link/);
    });
    it('refuses an unsigned JWT (alg none)', () =>
      refused(
        file.id,
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ a: file.id })}.`,
        /Invalid download link/,
      ));
    it('refuses an HS256 JWT-shaped link', () =>
      refused(
        file.id,
        `${b64({ alg: 'HS256' })}.${b64({ a: file.id })}.${'x'.repeat(43)}`,
        /Invalid download link/,
      ));
    it('refuses an empty signature', async () => {
      const res = await download(file.id, '');
      expect([401, 403]).toContain(res.status);
    });
    it('refuses a signature that is not base64 JSON', () =>
      refused(file.id, '%%%.***', /Invalid download link/));
  });

  describe('realtime strings', () => {
    const sockets: Connected[] = [];
    afterAll(() => sockets.forEach((s) => s.socket.close()));
    const join = async (chatId: string, cs: string) => {
      const c = await connect(t.url, { chatId, connectionString: cs });
      sockets.push(c);
      return c;
    };
    const refusedJoin = async (chatId: string, cs: string, reason: RegExp) => {
      await expect(join(chatId, cs)).rejects.toThrow(reason);
    };
    const messageCount = async (chatId: string) =>
      (
        await t.app
          .get(DataSource)
          .query('SELECT count(*)::int AS n FROM messages WHERE chat_id = $1', [chatId])
      )[0].n;

    it("refuses chat A's connection string on chat B", async () => {
      const b = await startVisitorChat(t, widgetKey);
      await refusedJoin(
        b.chatId,
        await connectionString(t.url, visitor.chatId, visitor.auth),
        /not for this chat/,
      );
    });
    it('refuses a tampered connection string', async () =>
      refusedJoin(
        visitor.chatId,
        tamper(await connectionString(t.url, visitor.chatId, visitor.auth)),
        /invalid/,
      ));
    it('refuses a correctly signed but expired connection string', () => {
      const signer = new Signer(t.config.secretsKey as Buffer, 'realtime-connection');
      const cs = signer.sign({ t: 'conn', c: visitor.chatId, p: {}, exp: Math.floor(Date.now() / 1000) - 5 });
      return refusedJoin(visitor.chatId, cs, /expired/);
    });
    it('refuses a download signature used as a connection string', () =>
      refusedJoin(visitor.chatId, new URL(file.url).searchParams.get('sig') as string, /invalid/));

    it('refuses a replayed message string and one from another socket, storing no message', async () => {
      const me = await join(visitor.chatId, await connectionString(t.url, visitor.chatId, visitor.auth));
      const twin = await join(visitor.chatId, await connectionString(t.url, visitor.chatId, visitor.auth));
      const before = await messageCount(visitor.chatId);
      const ok = await me.socket.emitWithAck('message:send', {
        text: 'one',
        messageString: me.session.messageString,
      });
      expect(ok.ok).toBe(true);
      for (const messageString of [me.session.messageString, twin.session.messageString.replace(/.$/, '')]) {
        const ack = await me.socket.emitWithAck('message:send', { text: 'again', messageString });
        expect(ack).toMatchObject({ ok: false, error: 'invalid message string' });
      }
      expect(await messageCount(visitor.chatId)).toBe(before + 1);
    });
  });
});
