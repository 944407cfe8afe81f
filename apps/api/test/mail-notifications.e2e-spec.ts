import request from 'supertest';
import { createOperator, loginOwner, startVisitorChat, widgetKeyOf, type Session } from './support/fixtures';
import { pdfOfSize, uploadFile } from './support/files';
import { startSmtpServer, tokenIn, waitUntil, type SmtpTestServer } from '@satchel/testing';
import { connect } from './support/socket';
import { startTestApp, type TestApp } from './support/test-app';

describe('email notifications and transcripts (real SMTP server on loopback)', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    // The first delivery attempt is refused (451): the BullMQ job retries it.
    smtp = await startSmtpServer({ failFirst: 1 });
    t = await startTestApp({ SMTP_URL: smtp.url, NOTIFY_OFFLINE_DELAY_SECONDS: '3' });
    owner = await loginOwner(t);
    await request(t.url)
      .put('/v1/me/notifications')
      .set(owner.auth)
      .send({ emailWhenOffline: false })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('emails an operator with no console socket about a new chat; an operator online gets nothing', async () => {
    const away = await createOperator(t, owner);
    const online = await createOperator(t, owner);
    const inbox = await connect(t.url, { connectionString: await inboxConnection(online) });
    const widgetKey = await widgetKeyOf(t, owner);
    await startVisitorChat(t, widgetKey, 'Nina Newchat');
    const mail = await smtp.waitFor(away.email, /update/);
    expect(mail.body).toContain('New chat: Nina Newchat');
    expect(mail.body).toMatch(/\/console\/inbox\/[0-9a-f-]{36}/);

    // A later email to the away operator proves the online one's check ran before it.
    await startVisitorChat(t, widgetKey, 'Otto Second');
    await smtp.waitFor(away.email, /update/);
    await waitUntil(
      'two mails to the away operator',
      () => smtp.mails.filter((m) => m.to.includes(away.email)).length >= 2,
      15_000,
    );
    expect(smtp.mails.some((m) => m.to.includes(online.email))).toBe(false);
    expect(smtp.mails.some((m) => m.to.includes('owner@test.local'))).toBe(false);
    inbox.socket.close();
  });

  it("emails the operator who answered a chat about the visitor's new messages, batched, unless they turned it off", async () => {
    const handler = await createOperator(t, owner);
    const quiet = await createOperator(t, owner);
    await request(t.url)
      .put('/v1/me/notifications')
      .set(quiet.auth)
      .send({ emailWhenOffline: false })
      .expect(200);
    const visitor = await startVisitorChat(t, await widgetKeyOf(t, owner), 'Mia Message');
    await smtp.waitFor(handler.email, /update/);
    const before = smtp.mails.filter((m) => m.to.includes(handler.email)).length;
    await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/messages`)
      .set(handler.auth)
      .send({ text: 'Hi Mia' })
      .expect(201);
    for (const text of ['Are you there?', 'Second question'])
      await request(t.url)
        .post(`/v1/chats/${visitor.chatId}/messages`)
        .set(visitor.auth)
        .send({ text })
        .expect(201);
    await waitUntil(
      'another mail to the handler',
      () => smtp.mails.filter((m) => m.to.includes(handler.email)).length > before,
      15_000,
    );
    const mail = smtp.mails.filter((m) => m.to.includes(handler.email))[before];
    expect(mail?.body).toContain('Mia Message: Are you there?');
    expect(mail?.body).toContain('Mia Message: Second question');
    expect(mail?.subject).toMatch(/^2 update/);
    expect(smtp.mails.some((m) => m.to.includes(quiet.email))).toBe(false);
  });

  it('sends the visitor who gave an email the transcript, with links to the files, when the chat closes', async () => {
    await request(t.url)
      .put('/v1/settings/team')
      .set(owner.auth)
      .send({ transcriptEmails: true })
      .expect(200);
    const op = await createOperator(t, owner);
    const pdf = pdfOfSize(2048);
    const visitor = await startVisitorChat(t, await widgetKeyOf(t, owner), 'Tara Transcript');
    await request(t.url)
      .put(`/v1/chats/${visitor.chatId}/visitor-email`)
      .set(visitor.auth)
      .send({ email: 'tara@visitor.test' })
      .expect(204);
    await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/messages`)
      .set(visitor.auth)
      .send({ text: 'My invoice is attached' })
      .expect(201);
    const file = await uploadFile(t, visitor.chatId, visitor.auth, 'invoice.pdf', pdf);
    await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/messages`)
      .set(visitor.auth)
      .send({ attachmentIds: [file.id] })
      .expect(201);
    await request(t.url)
      .post(`/v1/chats/${visitor.chatId}/messages`)
      .set(op.auth)
      .send({ text: 'Thanks, all sorted' })
      .expect(201);
    await request(t.url).post(`/v1/chats/${visitor.chatId}/close`).set(op.auth).expect(200);

    const mail = await smtp.waitFor('tara@visitor.test', /conversation/);
    expect(mail.body).toContain('Tara Transcript: My invoice is attached');
    expect(mail.body).toContain('Olga Operator: Thanks, all sorted');
    const link = new RegExp(`https?://[^\\s"]+/v1/attachments/${file.id}/content\\?sig=[^\\s"]+`).exec(
      mail.body,
    );
    expect(link).not.toBeNull();
    const download = await request(t.url).get(
      new URL((link as RegExpExecArray)[0]).pathname + new URL((link as RegExpExecArray)[0]).search,
    );
    expect(download.status).toBe(200);
    expect(Number(download.headers['content-length'])).toBe(pdf.length);
  });

  async function inboxConnection(s: Session): Promise<string> {
    const res = await request(t.url).post('/v1/realtime/connection').set(s.auth).expect(200);
    return res.body.connectionString as string;
  }
});

describe('the outbox when SMTP_URL is not set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('keeps the same emails for the owner to read in the console; others may not read it', async () => {
    const owner = await loginOwner(t);
    await request(t.url)
      .post('/v1/invitations')
      .set(owner.auth)
      .send({ email: 'outboxed@test.local', role: 'operator' })
      .expect(201);
    const op = await createOperator(t, owner);
    await request(t.url).post('/v1/auth/password-reset').send({ email: op.email }).expect(202);
    let items: { to: string; subject: string; text: string; html: string }[] = [];
    await waitUntil(
      'two mails in the outbox',
      async () => {
        items = (await request(t.url).get('/v1/mail/outbox').set(owner.auth).expect(200)).body;
        return items.length >= 2;
      },
      15_000,
    );
    const invitation = items.find((m) => m.to === 'outboxed@test.local');
    expect(invitation?.subject).toMatch(/invited/);
    expect(tokenIn({ text: invitation?.text ?? '' }, 'invitation')).toMatch(/^inv_/);
    expect(invitation?.html).toContain('<a href=');
    expect(items.find((m) => m.to === op.email)?.subject).toBe('Reset your Satchel password');
    await request(t.url).get('/v1/mail/outbox').set(op.auth).expect(403);
  });
});
