// The services under test and their helpers: the imports to repoint when integrations/ is split.
import { CallbackSettingsService } from '../../src/integrations/callbacks/callback-settings.service';
import { DeliveriesService } from '../../src/integrations/deliveries/deliveries.service';
import { DeliveryDispatcher } from '../../src/integrations/deliveries/delivery-dispatcher';
import { UploadsService } from '../../src/attachments/uploads.service';
import { ChatsService } from '../../src/chats/chats.service';
import { waitFor } from '@satchel/testing';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { PNG } from '../support/files';
import { multipartRequest, startServiceModule, type ServiceModule } from '../support/service-module';

/** Callback delivery dispatch on the real database, queue (Redis) and worker (no HTTP, no mocks). */
describe('DeliveryDispatcher (real database)', () => {
  let t: ServiceModule;
  let receiver: CallbackReceiver;
  let dispatcher: DeliveryDispatcher;
  let deliveries: DeliveriesService;

  beforeAll(async () => {
    t = await startServiceModule({ OUTBOUND_ALLOW: '127.0.0.1', CALLBACK_RETRY_SCHEDULE: '50ms,100ms' });
    receiver = await startCallbackReceiver();
    dispatcher = t.moduleRef.get(DeliveryDispatcher, { strict: false });
    deliveries = t.moduleRef.get(DeliveriesService, { strict: false });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const accountId = () => t.owner.principal.accountId;
  const deliveryRows = (attachmentId: string) =>
    t.dataSource.query<{ id: string; kind: string; status: string }[]>(
      'SELECT id, kind, status FROM deliveries WHERE attachment_id = $1',
      [attachmentId],
    );
  const uploadOne = async () => {
    const chat = await t.moduleRef.get(ChatsService, { strict: false }).create(t.owner.principal);
    const uploads = t.moduleRef.get(UploadsService, { strict: false });
    const [stored] = await uploads.upload(
      t.owner,
      chat.id,
      multipartRequest([{ name: 'pixel.png', type: 'image/png', data: PNG }]),
      undefined,
    );
    return { chatId: chat.id, attachmentId: stored.id };
  };

  it('has nothing to dispatch before callbacks are configured', async () => {
    expect(await dispatcher.activeKinds(accountId())).toEqual([]);
    const { attachmentId } = await uploadOne();
    expect(await deliveryRows(attachmentId)).toEqual([]);
  });

  it('delivers a stored attachment to the callback once, however often it is dispatched', async () => {
    await t.moduleRef
      .get(CallbackSettingsService, { strict: false })
      .update(t.owner, { enabled: true, url: receiver.url });
    expect(await dispatcher.activeKinds(accountId())).toEqual(['callback']);
    const ref = { accountId: accountId(), ...(await uploadOne()) };
    await receiver.waitFor(1);
    const delivered = await waitFor('the delivery to be recorded as delivered', async () => {
      const [row] = await deliveryRows(ref.attachmentId);
      return row?.status === 'delivered' ? row : undefined;
    });
    expect(await dispatcher.dispatch(ref, ['callback'])).toBe(0);
    expect(await deliveryRows(ref.attachmentId)).toEqual([delivered]);
    expect((await deliveries.get(accountId(), delivered.id)).status).toBe('delivered');
    expect(receiver.received).toHaveLength(1);
  });

  it('creates a pending delivery and queues it when dispatched by hand', async () => {
    const ref = { accountId: accountId(), ...(await uploadOne()) };
    await receiver.waitFor(2);
    await t.dataSource.query(`DELETE FROM deliveries WHERE attachment_id = $1`, [ref.attachmentId]);
    expect(await dispatcher.dispatch(ref, ['callback'])).toBe(1);
    await receiver.waitFor(3);
    await waitFor('the re-dispatched delivery to be delivered', async () => {
      const rows = await deliveryRows(ref.attachmentId);
      return rows.length === 1 && rows[0].status === 'delivered' ? rows : undefined;
    });
  });
});
