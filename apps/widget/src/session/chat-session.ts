import type { StartWidgetChatResponse } from '@satchel/contracts';
import { ApiError, type ApiClient } from '../api/api-client';
import type { SessionStore, StoredSession } from './session-store';

/**
 * The visitor's chat: the stored one when the server still knows it (or cannot be reached: offline
 * reloads keep working), otherwise a new one started with the widget key.
 */
export async function resumeOrStartChat(
  api: ApiClient,
  store: SessionStore,
  widgetKey: string,
  visitorName?: string,
): Promise<StoredSession> {
  const stored = store.load();
  if (stored) {
    api.setToken(stored.visitorToken);
    try {
      const chat = await api.json<{ status: string }>('GET', `/v1/chats/${stored.chatId}`);
      if (chat.status === 'open') return stored;
    } catch (err) {
      if (err instanceof ApiError && (err.isNetwork || err.status >= 500)) return stored;
    }
    store.clear();
  }
  api.setToken(null);
  const started = await api.json<StartWidgetChatResponse>('POST', '/v1/widget/chats', {
    widgetKey,
    name: visitorName,
  });
  const session = { chatId: started.chatId, visitorToken: started.visitorToken };
  store.save(session);
  api.setToken(session.visitorToken);
  return session;
}
