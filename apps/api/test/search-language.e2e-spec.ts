import { waitFor } from '@satchel/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QUEUES } from '../src/jobs/queues';
import { docx } from './support/documents';
import { uploadFile } from './support/files';
import {
  createOperator,
  createTenant,
  loginOwner,
  startVisitorChat,
  widgetKeyOf,
  type Session,
} from './support/fixtures';
import { queuesIdle } from './support/queues';
import { startTestApp, type TestApp } from './support/test-app';

type Auth = Record<string, string>;
type Hit = { message: { text: string; chatId: string }; highlight: { text: string; match: boolean }[] };
type Tenant = { admin: Session; chatId: string; visitor: Auth; docId: string };

const INVOICE = 'I sent the invoice yesterday';
const HOUSE = 'Das Haus ist rot';

/** Issue 18: each account searches its messages and document texts in its own language. */
describe('search language per account (stemming, stop words, re-index)', () => {
  let t: TestApp;
  let db: DataSource;
  let simple: Tenant;
  let english: Tenant;
  let german: Tenant;

  const setLanguage = (admin: Session, searchLanguage: string, status = 200) =>
    request(t.url).patch('/v1/account').set(admin.auth).send({ searchLanguage }).expect(status);
  const inChat = async (x: Tenant, q: string) =>
    (await request(t.url).get(`/v1/chats/${x.chatId}/search`).query({ q }).set(x.admin.auth).expect(200)).body
      .items as Hit[];
  const inbox = async (x: Tenant, q: string) =>
    (await request(t.url).get('/v1/inbox/search').query({ q }).set(x.admin.auth).expect(200)).body;
  const inboxList = async (x: Tenant, q: string) =>
    (await request(t.url).get('/v1/inbox').query({ q }).set(x.admin.auth).expect(200)).body as {
      id: string;
    }[];
  const documents = async (x: Tenant, text: string) =>
    (await request(t.url).get('/v1/attachments').query({ text }).set(x.admin.auth).expect(200)).body as {
      items: { id: string; snippet?: { text: string; match: boolean }[] }[];
      total: number;
    };
  const texts = (hits: Hit[]) => hits.map((h) => h.message.text);

  /** A chat with both messages and a document saying "invoice", its text extracted. */
  async function tenant(admin: Session, language?: string): Promise<Tenant> {
    if (language) await setLanguage(admin, language);
    const chat = await startVisitorChat(t, await widgetKeyOf(t, admin));
    for (const text of [INVOICE, HOUSE])
      await request(t.url)
        .post(`/v1/chats/${chat.chatId}/messages`)
        .set(chat.auth)
        .send({ text })
        .expect(201);
    const doc = await uploadFile(t, chat.chatId, admin.auth, 'notes.docx', docx(['The invoice is attached']));
    await waitFor('the document text', async () => {
      const rows = await db.query(`SELECT 1 FROM attachment_texts WHERE attachment_id = $1`, [doc.id]);
      return rows.length ? true : undefined;
    });
    return { admin, chatId: chat.chatId, visitor: chat.auth, docId: doc.id };
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const owner = await loginOwner(t);
    simple = await tenant(owner);
    english = await tenant((await createTenant(t, owner)).admin, 'english');
    german = await tenant((await createTenant(t, owner)).admin, 'german');
    await queuesIdle(t.app, [QUEUES.texts]);
  }, 60_000);
  afterAll(() => t.close());

  it('is "simple" by default, only admins change it, and only to an offered language', async () => {
    const account = await request(t.url).get('/v1/account').set(simple.admin.auth).expect(200);
    expect(account.body.searchLanguage).toBe('simple');
    await setLanguage(simple.admin, 'klingon', 400);
    await setLanguage(simple.admin, 'pg_catalog.english', 400);
    const operator = await createOperator(t, english.admin);
    await setLanguage(operator, 'german', 403);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'account.search-language.update'`,
    );
    expect(n).toBe(2);
  });

  it('an English account finds "invoice" by "invoices": in the chat, the inbox and documents', async () => {
    const hits = await inChat(english, 'invoices');
    expect(texts(hits)).toEqual([INVOICE]);
    expect(hits[0].highlight.filter((s) => s.match).map((s) => s.text)).toEqual(['invoice']);
    expect(texts((await inbox(english, 'Invoices')).messages)).toEqual([INVOICE]);
    expect((await inboxList(english, 'invoices')).map((c) => c.id)).toEqual([english.chatId]);
    const docs = await documents(english, 'invoices');
    expect(docs.items.map((d) => d.id)).toEqual([english.docId]);
    expect(docs.items[0].snippet?.filter((s) => s.match).map((s) => s.text)).toEqual(['invoice']);
  });

  it('a "simple" account matches words as typed, as before', async () => {
    expect(await inChat(simple, 'invoices')).toEqual([]);
    expect(texts(await inChat(simple, 'invoice'))).toEqual([INVOICE]);
    expect((await inbox(simple, 'invoices')).messages).toEqual([]);
    expect(await inboxList(simple, 'invoices')).toEqual([]);
    expect((await documents(simple, 'invoices')).total).toBe(0);
    expect((await documents(simple, 'invoi')).items.map((d) => d.id)).toEqual([simple.docId]);
  });

  it('keeps accounts apart, each in its own language', async () => {
    expect(texts(await inChat(german, 'Häuser'))).toEqual([HOUSE]);
    const de = await inbox(german, 'häuser');
    expect(de.messages.map((h: Hit) => [h.message.text, h.message.chatId])).toEqual([[HOUSE, german.chatId]]);
    expect((await inbox(english, 'häuser')).messages).toEqual([]);
    const en = await inbox(english, 'invoices');
    expect(en.messages.map((h: Hit) => h.message.chatId)).toEqual([english.chatId]);
    expect((await documents(german, 'invoices')).items.map((d) => d.id)).toEqual([german.docId]);
  });

  it('answers a search of stop words only with no hits, never an error', async () => {
    expect(await inChat(english, 'the')).toEqual([]);
    expect(await inChat(english, 'The and of')).toEqual([]);
    expect((await inbox(english, 'the')).messages).toEqual([]);
    expect((await documents(english, 'the')).total).toBe(0);
    expect(await inboxList(english, 'the')).toEqual([]);
  });

  it('re-indexes an account’s messages and documents when its language changes, and back', async () => {
    await setLanguage(simple.admin, 'english');
    await queuesIdle(t.app, [QUEUES.texts], 30_000);
    expect(texts(await inChat(simple, 'invoices'))).toEqual([INVOICE]);
    expect((await documents(simple, 'invoices')).items.map((d) => d.id)).toEqual([simple.docId]);
    // New messages are indexed in the new language at once.
    await request(t.url)
      .post(`/v1/chats/${simple.chatId}/messages`)
      .set(simple.visitor)
      .send({ text: 'Two invoiced orders' })
      .expect(201);
    expect(texts(await inChat(simple, 'invoices'))).toEqual(['Two invoiced orders', INVOICE]);

    await setLanguage(simple.admin, 'simple');
    await queuesIdle(t.app, [QUEUES.texts], 30_000);
    expect(await inChat(simple, 'invoices')).toEqual([]);
    expect((await documents(simple, 'invoices')).total).toBe(0);
    // The other accounts were not touched.
    expect(texts(await inChat(english, 'invoices'))).toEqual([INVOICE]);
  });
});
