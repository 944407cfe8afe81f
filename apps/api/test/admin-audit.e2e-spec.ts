import type { AuditEventDto, ChatDto, Page, WidgetGreeting } from '@satchel/contracts';
import { waitUntil } from '@satchel/testing';
import request from 'supertest';
import { createTenant, loginOwner, type Session } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 12: callback, S3 export, chatbot, team and token changes in the audit log, with names. */
describe('audit of admin changes', () => {
  let t: TestApp;
  let admin: Session;
  let widgetKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t, await loginOwner(t), 'Audit Co');
    admin = tenant.admin;
    widgetKey = tenant.account.widgetKey;
  });
  afterAll(() => t.close());

  const events = async () =>
    (
      (await request(t.url).get('/v1/audit-events').query({ pageSize: 100 }).set(admin.auth).expect(200))
        .body as Page<AuditEventDto>
    ).items;

  it('records who changed the callback, S3 export, chatbot, people and API tokens', async () => {
    await request(t.url).put('/v1/settings/callback').set(admin.auth).send({ enabled: false }).expect(200);
    await request(t.url).post('/v1/settings/callback/rotate-secret').set(admin.auth).expect(200);
    await request(t.url)
      .put('/v1/settings/s3-export')
      .set(admin.auth)
      .send({ bucket: 'exports' })
      .expect(200);
    await request(t.url)
      .put('/v1/settings/chatbot')
      .set(admin.auth)
      .send({ enabled: true, botName: 'Helper', steps: [{ type: 'say', text: 'Hi there!' }] })
      .expect(200);
    const token = await request(t.url)
      .post('/v1/api-tokens')
      .set(admin.auth)
      .send({ name: 'CRM sync' })
      .expect(201);
    await request(t.url).delete(`/v1/api-tokens/${token.body.id}`).set(admin.auth).expect(204);
    await request(t.url)
      .post('/v1/users')
      .set(admin.auth)
      .send({
        email: `pat${Date.now()}@audit.test`,
        name: 'Pat Newhire',
        role: 'operator',
        password: 'operator-pass-1',
      })
      .expect(201);

    const got = (await events()).map((e) => [e.action, e.details?.['name'] ?? null]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['callback.settings.update', null],
        ['callback.secret.rotate', null],
        ['s3-export.settings.update', null],
        ['chatbot.settings.update', null],
        ['api-token.create', 'CRM sync'],
        ['api-token.revoke', 'CRM sync'],
        ['user.create', 'Pat Newhire'],
      ]),
    );
    // Secrets never reach the audit log.
    const s3 = (await events()).find((e) => e.action === 's3-export.settings.update');
    expect(JSON.stringify(s3?.details)).not.toMatch(/secretAccessKeySealed|Sealed/);
  });

  it('the bot greets before a chat exists; a chat with the bot is pending until it hands over', async () => {
    const greeting = (await request(t.url).get('/v1/widget/greeting').query({ widgetKey }).expect(200))
      .body as WidgetGreeting;
    expect(greeting).toEqual({ botName: 'Helper', texts: ['Hi there!'], reopenClosedChats: false });
    await request(t.url).get('/v1/widget/greeting').query({ widgetKey: 'nope' }).expect(404);

    await request(t.url)
      .put('/v1/settings/chatbot')
      .set(admin.auth)
      .send({
        enabled: true,
        botName: 'Helper',
        steps: [
          { type: 'say', text: 'Hi there!' },
          { type: 'askFile', prompt: 'Your receipt, please', skippable: true },
          { type: 'handover' },
        ],
      })
      .expect(200);
    const started = await request(t.url)
      .post('/v1/widget/chats')
      .send({ widgetKey, name: 'Bo Bot' })
      .expect(201);
    const visitor = { Authorization: `Token ${started.body.visitorToken}` };
    const chat = async () =>
      (await request(t.url).get(`/v1/chats/${started.body.chatId}`).set(admin.auth).expect(200))
        .body as ChatDto;
    // The start answered after the bot's greeting and question were stored.
    expect((await chat()).status).toBe('pending');
    const [request0] = (
      await request(t.url).get(`/v1/chats/${started.body.chatId}/file-requests`).set(visitor).expect(200)
    ).body as { id: string }[];
    await request(t.url)
      .post(`/v1/chats/${started.body.chatId}/file-requests/${request0.id}/skip`)
      .set(visitor)
      .expect(200);
    await waitUntil('the bot to hand over', async () => (await chat()).status === 'open', 5000);
    expect((await chat()).status).toBe('open');
  });
});
