import type { AppearanceSettings, WidgetConfig } from '@satchel/contracts';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import {
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { pixelBombPng, solid } from './support/images';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC = 'http://localhost:8124';

describe('widget appearance, its public config and identify()', () => {
  let t: TestApp;
  let owner: Session;
  let widgetKey: string;

  const settings = () => request(t.url).get('/v1/settings/appearance').set(owner.auth);
  const put = (body: unknown, s: Session = owner) =>
    request(t.url)
      .put('/v1/settings/appearance')
      .set(s.auth)
      .send(body as object);
  const config = (key = widgetKey) =>
    request(t.url).get(`/v1/widget/config?widgetKey=${encodeURIComponent(key)}`);

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: PUBLIC });
    owner = await loginOwner(t);
    widgetKey = await widgetKeyOf(t, owner);
  });
  afterAll(() => t.close());

  it('serves the old look by default, with an identity secret for the admin', async () => {
    const res = await settings().expect(200);
    const body = res.body as AppearanceSettings;
    expect(body.appearance).toMatchObject({
      brandColor: '#3056d3',
      brandTextColor: '#ffffff',
      position: 'right',
      preChatForm: false,
      defaultLocale: null,
    });
    expect(body.brandContrast).toBeGreaterThanOrEqual(4.5);
    expect(body.identity.secret).toMatch(/^is_/);
    expect(body.identity.required).toBe(false);
  });

  it('saves a new look, picks black text on a light brand, and the widget config follows', async () => {
    const before = (await config().expect(200)).body as WidgetConfig;
    const res = await put({
      brandColor: '#FFD400',
      position: 'left',
      launcherLabel: 'Help',
      teamName: 'Acme support',
      greeting: 'Hi! How can we help?',
      awayMessage: 'We are away; leave a message.',
      businessHours: {
        timeZone: 'Europe/Berlin',
        days: { mon: { open: '09:00', close: '17:00' }, sun: null },
      },
      preChatForm: true,
      defaultLocale: 'de',
    }).expect(200);
    expect(res.body.appearance).toMatchObject({
      brandColor: '#ffd400',
      brandTextColor: '#000000',
      position: 'left',
    });
    expect(res.body.brandOnWhiteContrast).toBeLessThan(3);
    const after = (await config().expect(200)).body as WidgetConfig;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.appearance).toMatchObject({
      teamName: 'Acme support',
      greeting: 'Hi! How can we help?',
      preChatForm: true,
      defaultLocale: 'de',
      businessHours: { timeZone: 'Europe/Berlin', days: { mon: { open: '09:00', close: '17:00' } } },
    });
    expect(JSON.stringify(after)).not.toContain('is_');
  });

  it('answers 304 while the version is unchanged and 200 after a change', async () => {
    const first = await config().expect(200);
    const etag = first.headers['etag'];
    expect(first.headers['cache-control']).toBe('no-cache');
    await config().set('If-None-Match', etag).expect(304);
    await put({ greeting: 'Hello again' }).expect(200);
    const changed = await config().set('If-None-Match', etag).expect(200);
    expect(changed.body.appearance.greeting).toBe('Hello again');
  });

  it('refuses invalid values with 400 and changes nothing', async () => {
    const version = ((await config()).body as WidgetConfig).version;
    for (const body of [
      { brandColor: 'red' },
      { position: 'top' },
      { defaultLocale: 'xx' },
      { businessHours: { timeZone: 'Mars/Base', days: {} } },
      { businessHours: { timeZone: 'UTC', days: { mon: { open: '17:00', close: '09:00' } } } },
      { businessHours: { timeZone: 'UTC', days: { someday: { open: '09:00', close: '10:00' } } } },
      { businessHours: { timeZone: 'UTC', days: { mon: { open: '9', close: '25:00' } } } },
      { launcherLabel: 'x'.repeat(25) },
      { preChatForm: null },
    ])
      await put(body).expect(400);
    expect(((await config()).body as WidgetConfig).version).toBe(version);
  });

  it('is for admins only, and each account has its own', async () => {
    const op = await createOperator(t, owner);
    await put({ greeting: 'nope' }, op).expect(403);
    await request(t.url).get('/v1/settings/appearance').set(op.auth).expect(403);
    const tenant = await createTenant(t, owner);
    const theirs = await request(t.url)
      .get(`/v1/widget/config?widgetKey=${tenant.account.widgetKey}`)
      .expect(200);
    expect(theirs.body.appearance.greeting).toBeNull();
  });

  it('404s an unknown widget key and 400s a missing one', async () => {
    await config('wk_unknown').expect(404);
    await request(t.url).get('/v1/widget/config').expect(400);
  });

  it('refuses the config to pages on origins outside the allowed domains', async () => {
    await request(t.url)
      .patch('/v1/account')
      .set(owner.auth)
      .send({ allowedOrigins: ['http://127.0.0.1:5173'] })
      .expect(200);
    await config().set('Origin', 'http://127.0.0.2:5173').expect(403);
    await config().set('Origin', 'http://127.0.0.1:5173').expect(200);
    await request(t.url).patch('/v1/account').set(owner.auth).send({ allowedOrigins: [] }).expect(200);
  });

  describe('avatar', () => {
    it('re-encodes an uploaded image to a 128 px WebP served with safe headers', async () => {
      const png = await solid(300, 200).png().toBuffer();
      const res = await request(t.url)
        .put('/v1/settings/appearance/avatar')
        .set(owner.auth)
        .send({ dataUrl: `data:image/png;base64,${png.toString('base64')}` })
        .expect(200);
      const url = res.body.appearance.avatarUrl as string;
      expect(url).toMatch(/^\/v1\/widget\/avatars\/[0-9a-f-]{36}\/avatar-[0-9a-f]{16}\.webp$/);
      const img = await request(t.url).get(url).buffer(true).expect(200);
      expect(img.headers['content-type']).toBe('image/webp');
      expect(img.headers['x-content-type-options']).toBe('nosniff');
      expect(img.headers['content-security-policy']).toContain('sandbox');
      expect(img.headers['cross-origin-resource-policy']).toBe('cross-origin');
      const { default: sharp } = await import('sharp');
      expect(await sharp(img.body as Buffer).metadata()).toMatchObject({
        format: 'webp',
        width: 128,
        height: 128,
      });
      expect((await config().expect(200)).body.appearance.avatarUrl).toBe(url);
    });

    it('refuses what is not a small image, and a removed avatar is gone', async () => {
      const send = (dataUrl: string) =>
        request(t.url).put('/v1/settings/appearance/avatar').set(owner.auth).send({ dataUrl });
      await send('data:text/html;base64,PGgxPmhpPC9oMT4=').expect(400);
      await send(`data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`).expect(
        400,
      );
      await send(`data:image/png;base64,${pixelBombPng().toString('base64')}`).expect(400);
      await send(`data:image/png;base64,${Buffer.alloc(600 * 1024, 1).toString('base64')}`).expect(400);
      const url = ((await settings()).body as AppearanceSettings).appearance.avatarUrl as string;
      await request(t.url).delete('/v1/settings/appearance/avatar').set(owner.auth).expect(200);
      await request(t.url).get(url).expect(404);
      await request(t.url).get('/v1/widget/avatars/not-a-uuid/avatar-0000000000000000.webp').expect(400);
      await request(t.url)
        .get(`${url.replace(/avatar-.*$/, '')}..%2f..%2fsecret`)
        .expect(400);
    });
  });

  describe('identify()', () => {
    const identify = (chat: { chatId: string; auth: Record<string, string> }, body: object) =>
      request(t.url).post(`/v1/chats/${chat.chatId}/identify`).set(chat.auth).send(body);
    const hmac = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

    it('records the visitor on the chat for operators (unverified while verification is off)', async () => {
      const chat = await startVisitorChat(t, widgetKey, 'Visitor');
      const res = await identify(chat, {
        id: 'cust-42',
        name: 'Vera Vogel',
        email: 'Vera@Example.com',
      }).expect(200);
      expect(res.body).toEqual({
        visitorName: 'Vera Vogel',
        visitorEmail: 'vera@example.com',
        verified: false,
      });
      const seen = await request(t.url).get(`/v1/chats/${chat.chatId}`).set(owner.auth).expect(200);
      expect(seen.body).toMatchObject({
        visitorName: 'Vera Vogel',
        visitorEmail: 'vera@example.com',
        visitorVerified: false,
      });
    });

    it('when required: 403 IDENTITY_NOT_VERIFIED without or with a wrong hash, 200 with the right one', async () => {
      const secret = ((await put({ identityRequired: true }).expect(200)).body as AppearanceSettings).identity
        .secret;
      const chat = await startVisitorChat(t, widgetKey, 'Visitor');
      const none = await identify(chat, { id: 'cust-7', name: 'Mallory' }).expect(403);
      expect(none.body.code).toBe('IDENTITY_NOT_VERIFIED');
      const wrong = await identify(chat, {
        id: 'cust-7',
        name: 'Mallory',
        hash: hmac('guess', 'cust-7'),
      }).expect(403);
      expect(wrong.body.code).toBe('IDENTITY_NOT_VERIFIED');
      const seen = await request(t.url).get(`/v1/chats/${chat.chatId}`).set(owner.auth).expect(200);
      expect(seen.body.visitorName).toBe('Visitor');
      const ok = await identify(chat, { id: 'cust-7', name: 'Carol', hash: hmac(secret, 'cust-7') }).expect(
        200,
      );
      expect(ok.body).toMatchObject({ visitorName: 'Carol', verified: true });
    });

    it('a rotated secret stops old hashes', async () => {
      const old = ((await settings()).body as AppearanceSettings).identity.secret;
      const rotated = await request(t.url)
        .post('/v1/settings/appearance/identity-secret/rotate')
        .set(owner.auth)
        .expect(200);
      expect(rotated.body.identity.secret).not.toBe(old);
      const chat = await startVisitorChat(t, widgetKey);
      await identify(chat, { id: 'cust-7', hash: hmac(old, 'cust-7') }).expect(403);
      await identify(chat, {
        id: 'cust-7',
        hash: hmac(rotated.body.identity.secret as string, 'cust-7'),
      }).expect(200);
      await put({ identityRequired: false }).expect(200);
    });

    it("only the chat's own visitor may identify, with valid input", async () => {
      const mine = await startVisitorChat(t, widgetKey);
      const other = await startVisitorChat(t, widgetKey);
      await request(t.url)
        .post(`/v1/chats/${other.chatId}/identify`)
        .set(mine.auth)
        .send({ id: 'x' })
        .expect(404);
      await request(t.url)
        .post(`/v1/chats/${mine.chatId}/identify`)
        .set(owner.auth)
        .send({ id: 'x' })
        .expect(403);
      await identify(mine, {}).expect(400);
      await identify(mine, { id: 'x', email: 'not-an-email' }).expect(400);
      await identify(mine, { id: 'x', hash: 'zz' }).expect(400);
      await identify(mine, { id: { $ne: 1 } }).expect(400);
    });
  });
});
