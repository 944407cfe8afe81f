import { waitFor } from '@satchel/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { accountWithOperator, createTenant, startVisitorChat, type Session } from './support/fixtures';
import { docx, textPdf, xlsx } from './support/documents';
import { PNG, uploadFile } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

type Item = { id: string; name: string; snippet?: { text: string; match: boolean }[] };

describe('text inside documents (extraction job + GET /v1/attachments?text=)', () => {
  let t: TestApp;
  let owner: Session;
  let db: DataSource;
  const ids: Record<string, string> = {};

  const waitForText = (attachmentId: string): Promise<{ status: string; content: string }> =>
    waitFor(
      `the text of ${attachmentId}`,
      async () =>
        (
          await db.query('SELECT status, content FROM attachment_texts WHERE attachment_id = $1', [
            attachmentId,
          ])
        )[0],
      20_000,
      100,
      false,
    );
  const search = (text: string, auth = owner.auth) =>
    request(t.url).get('/v1/attachments').query({ text }).set(auth).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const account = await accountWithOperator(t);
    owner = account.owner;
    const chat = await startVisitorChat(t, account.widgetKey);
    const up = (name: string, body: Buffer) => uploadFile(t, chat.chatId, account.operator.auth, name, body);
    ids.pdf = (
      await up('statement.pdf', textPdf(['Quarterly statement for Zanzibar Trading', 'Total due 4711']))
    ).id;
    ids.docx = (await up('lease.docx', docx(['Rental contract', 'The tenant Zanzibar pays monthly']))).id;
    ids.xlsx = (
      await up(
        'ledger.xlsx',
        xlsx([
          [
            ['Customer', 'Balance'],
            ['Kilimanjaro Freight', 1250],
          ],
        ]),
      )
    ).id;
    ids.png = (await up('photo.png', PNG)).id;
  }, 60_000);
  afterAll(() => t.close());

  it('extracts the text of a PDF and of a DOCX after storing, and nothing from images', async () => {
    expect(await waitForText(ids.pdf)).toMatchObject({ status: 'ready' });
    expect((await waitForText(ids.pdf)).content).toContain('Quarterly statement for Zanzibar Trading');
    expect(await waitForText(ids.docx)).toEqual({
      status: 'ready',
      content: 'Rental contract\nThe tenant Zanzibar pays monthly',
    });
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM attachment_texts WHERE attachment_id = $1',
      [ids.png],
    );
    expect(n).toBe(0);
  });

  it('finds documents by the words inside them, with highlighted snippets and no full text', async () => {
    await waitForText(ids.pdf);
    await waitForText(ids.docx);
    const both: Item[] = (await search('zanzib')).body.items;
    expect(both.map((i) => i.name).sort()).toEqual(['lease.docx', 'statement.pdf']);
    const lease = both.find((i) => i.name === 'lease.docx') as Item;
    expect(lease.snippet?.filter((s) => s.match).map((s) => s.text)).toEqual(['Zanzibar']);
    expect(Object.keys(lease)).not.toEqual(expect.arrayContaining(['content']));
    expect((await search('quarterly 4711')).body.items.map((i: Item) => i.name)).toEqual(['statement.pdf']);
    expect((await search('monthly')).body).toMatchObject({ total: 1 });
    expect((await search('%%%')).body).toMatchObject({ items: [], total: 0 });
    const plain: Item[] = (await request(t.url).get('/v1/attachments').set(owner.auth).expect(200)).body
      .items;
    expect(plain.every((i) => i.snippet === undefined)).toBe(true);
  });

  it('extracts and finds the cells of a spreadsheet', async () => {
    expect(await waitForText(ids.xlsx)).toEqual({
      status: 'ready',
      content: 'Customer Balance\nKilimanjaro Freight 1250',
    });
    const found: Item[] = (await search('kilimanjaro')).body.items;
    expect(found.map((i) => i.name)).toEqual(['ledger.xlsx']);
    expect(found[0].snippet?.filter((s) => s.match).map((s) => s.text)).toEqual(['Kilimanjaro']);
  });

  it('never finds another account’s documents', async () => {
    const tenant = await createTenant(t, owner);
    expect((await search('zanzibar', tenant.admin.auth)).body).toMatchObject({ items: [], total: 0 });
  });
});
