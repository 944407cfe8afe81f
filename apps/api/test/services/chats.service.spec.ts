// The service under test: the one import to repoint when it moves.
import { ChatsService } from '../../src/chats/chats.service';
import { AUDIT_ACTIONS } from '../../src/audit/audit-actions';
import type { Principal } from '../../src/common/auth/principal';
import { NotFoundError, ValidationError } from '../../src/common/errors/domain-errors';
import { startServiceModule, type ServiceModule } from '../support/service-module';

/** ChatsService on the real repositories and database (no HTTP, no mocks). */
describe('ChatsService (real database)', () => {
  let t: ServiceModule;
  let chats: ChatsService;

  beforeAll(async () => {
    t = await startServiceModule();
    chats = t.moduleRef.get(ChatsService, { strict: false });
  });
  afterAll(() => t.close());

  const rowOf = async (chatId: string) =>
    (
      await t.dataSource.query<{ status: string; visitor_name: string }[]>(
        'SELECT status, visitor_name FROM chats WHERE id = $1',
        [chatId],
      )
    )[0];
  const auditActions = async (chatId: string) =>
    (
      await t.dataSource.query<{ action: string }[]>(
        'SELECT action FROM audit_events WHERE chat_id = $1 ORDER BY created_at',
        [chatId],
      )
    ).map((r) => r.action);

  it('creates a chat row that get and list return', async () => {
    const chat = await chats.create(t.owner.principal, '  Ada  ');
    expect(await rowOf(chat.id)).toEqual({ status: 'open', visitor_name: 'Ada' });
    expect((await chats.get(t.owner.principal, chat.id)).id).toBe(chat.id);
    const page = await chats.list(t.owner.principal, {});
    expect(page.items.map((c) => c.id)).toContain(chat.id);
  });

  it('closes and reopens a chat, auditing each change once', async () => {
    const chat = await chats.create(t.owner.principal);
    expect((await chats.close(t.owner, chat.id)).status).toBe('closed');
    await chats.close(t.owner, chat.id);
    expect((await rowOf(chat.id)).status).toBe('closed');
    expect((await chats.reopen(t.owner, chat.id)).status).toBe('open');
    expect(await auditActions(chat.id)).toEqual([AUDIT_ACTIONS.chatClose, AUDIT_ACTIONS.chatReopen]);
  });

  it('stores messages in order and refuses an empty one', async () => {
    const chat = await chats.create(t.owner.principal);
    await chats.send(t.owner.principal, chat.id, { text: 'first' });
    await chats.send(t.owner.principal, chat.id, { text: ' second ' });
    const { items: messages } = await chats.listMessages(t.owner.principal, chat.id, {});
    expect(messages.map((m) => m.text).sort()).toEqual(['first', 'second']);
    await expect(chats.send(t.owner.principal, chat.id, { text: '  ' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('starts a widget chat for the account of a widget key, with a visitor token', async () => {
    const [{ widget_key }] = await t.dataSource.query<{ widget_key: string }[]>(
      'SELECT widget_key FROM accounts WHERE id = $1',
      [t.owner.principal.accountId],
    );
    const started = await chats.startWidgetChat(widget_key, undefined, 'Grace', 'GRACE@example.com');
    expect(started.visitorToken).toEqual(expect.any(String));
    const [row] = await t.dataSource.query<{ account_id: string; visitor_email: string; source: string }[]>(
      'SELECT account_id, visitor_email, source FROM chats WHERE id = $1',
      [started.chatId],
    );
    expect(row).toEqual({
      account_id: t.owner.principal.accountId,
      visitor_email: 'grace@example.com',
      source: 'widget',
    });
    await expect(chats.startWidgetChat('no-such-key')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("hides another visitor's chat", async () => {
    const mine = await chats.create(t.owner.principal);
    const other = await chats.create(t.owner.principal);
    const visitor: Principal = {
      kind: 'visitor',
      role: 'visitor',
      accountId: t.owner.principal.accountId,
      chatId: mine.id,
      name: 'Visitor',
      tokenId: 'service-test',
    };
    expect((await chats.get(visitor, mine.id)).id).toBe(mine.id);
    await expect(chats.get(visitor, other.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
