// The service under test and the chat service it stores into: the imports to repoint when they move.
import { UploadsService } from '../../src/attachments/uploads.service';
import { ChatsService } from '../../src/chats/chats.service';
import { ForbiddenError, ValidationError } from '../../src/common/errors/domain-errors';
import { pdfOfSize, PNG } from '../support/files';
import { multipartRequest, startServiceModule, type ServiceModule } from '../support/service-module';

/** UploadsService on the real repositories, storage and database (no HTTP, no mocks). */
describe('UploadsService (real database)', () => {
  let t: ServiceModule;
  let uploads: UploadsService;
  let chats: ChatsService;

  beforeAll(async () => {
    t = await startServiceModule();
    uploads = t.moduleRef.get(UploadsService, { strict: false });
    chats = t.moduleRef.get(ChatsService, { strict: false });
  });
  afterAll(() => t.close());

  const newChat = async () => (await chats.create(t.owner.principal)).id;
  const png = { name: 'pixel.png', type: 'image/png', data: PNG };
  const rowsOf = (chatId: string) =>
    t.dataSource.query<{ id: string; name: string; size: string; sha256: string }[]>(
      'SELECT id, name, size, sha256 FROM attachments WHERE chat_id = $1 ORDER BY name',
      [chatId],
    );

  it('stores every file of a multipart body as an attachment of the chat', async () => {
    const chatId = await newChat();
    const pdf = pdfOfSize(5000);
    const stored = await uploads.upload(
      t.owner,
      chatId,
      multipartRequest([png, { name: 'doc.pdf', type: 'application/pdf', data: pdf }]),
      undefined,
    );
    expect(stored.map((a) => a.name).sort()).toEqual(['doc.pdf', 'pixel.png']);
    const rows = await rowsOf(chatId);
    expect(rows.map((r) => [r.name, Number(r.size)])).toEqual([
      ['doc.pdf', pdf.length],
      ['pixel.png', PNG.length],
    ]);
  });

  it('answers a repeated Idempotency-Key with the files stored the first time', async () => {
    const chatId = await newChat();
    const key = 'service-test-key-1';
    const first = await uploads.upload(t.owner, chatId, multipartRequest([png]), key);
    const again = await uploads.upload(t.owner, chatId, multipartRequest([png]), key);
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(await rowsOf(chatId)).toHaveLength(1);
  });

  it('refuses a closed chat and a body without files, auditing the refusals', async () => {
    const chatId = await newChat();
    await expect(uploads.upload(t.owner, chatId, multipartRequest([]), undefined)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await chats.close(t.owner, chatId);
    await expect(uploads.upload(t.owner, chatId, multipartRequest([png]), undefined)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rowsOf(chatId)).toEqual([]);
    const refusals = await t.dataSource.query<{ outcome: string }[]>(
      `SELECT outcome FROM audit_events WHERE chat_id = $1 AND outcome = 'failure'`,
      [chatId],
    );
    expect(refusals).toHaveLength(2);
  });

  it('stores text and files as one message', async () => {
    const chatId = await newChat();
    const message = await uploads.uploadMessage(
      t.owner,
      chatId,
      multipartRequest([png], { text: 'see attached' }),
    );
    expect(message.text).toBe('see attached');
    expect(message.attachments.map((a) => a.name)).toEqual(['pixel.png']);
    const [row] = await t.dataSource.query<{ message_id: string }[]>(
      'SELECT message_id FROM attachments WHERE chat_id = $1',
      [chatId],
    );
    expect(row.message_id).toBe(message.id);
  });
});
