import { EventEmitter2 } from '@nestjs/event-emitter';
import { EVENTS, type AttachmentDeletedEvent } from '../src/common/events/events';
import { startTestApp } from './support/test-app';

describe('realtime during shutdown', () => {
  it('drops a file event announced after the app closed instead of crashing the process', async () => {
    const t = await startTestApp();
    const events = t.app.get(EventEmitter2);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const closing = t.app.close();
      // A retention sweep that was mid-batch announces its files while the app closes (seen in the
      // search bench): after the sockets' Redis clients are gone, before the listeners are.
      while (t.app.getHttpServer().listening) await new Promise((resolve) => setImmediate(resolve));
      events.emit(EVENTS.attachmentDeleted, {
        accountId: '00000000-0000-4000-8000-000000000001',
        chatId: '00000000-0000-4000-8000-000000000002',
        attachmentId: '00000000-0000-4000-8000-000000000003',
      } satisfies AttachmentDeletedEvent);
      await closing;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections.map(String)).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await t.db.drop();
    }
  });
});
