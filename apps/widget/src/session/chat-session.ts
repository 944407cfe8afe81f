import type { StartWidgetChatResponse } from '@satchel/contracts';
import { ApiError, type ApiClient } from '../api/api-client';
import type { SessionStore, StoredSession } from './session-store';

export interface ResumedChat {
  session: StoredSession;
  /** The stored chat was closed (by an operator or for inactivity): show it read-only, start nothing. */
  ended: boolean;
}

/**
 * The visitor's chat: the stored one while the server still knows it (open, or ended and kept to be
 * read), or when it cannot be reached (offline reloads keep working); otherwise a new one. A reload
 * never starts a chat on its own when the stored one ended, so the bot does not greet again.
 */
export async function resumeOrStartChat(
  api: ApiClient,
  store: SessionStore,
  widgetKey: string,
  visitorName?: string,
  visitorEmail?: string,
): Promise<ResumedChat> {
  const stored = store.load();
  if (stored) {
    api.setToken(stored.visitorToken);
    try {
      const chat = await api.json<{ status: string }>('GET', `/v1/chats/${stored.chatId}`);
      return { session: stored, ended: chat.status !== 'open' };
    } catch (err) {
      if (err instanceof ApiError && (err.isNetwork || err.status >= 500))
        return { session: stored, ended: false };
      // This page's origin is refused: keep the chat for the pages where it is allowed.
      if (err instanceof ApiError && err.status === 403) throw err;
    }
    store.clear();
  }
  return { session: await startChat(api, store, widgetKey, visitorName, visitorEmail), ended: false };
}

/** Starts a new chat with the widget key and remembers it. */
export async function startChat(
  api: ApiClient,
  store: SessionStore,
  widgetKey: string,
  visitorName?: string,
  visitorEmail?: string,
): Promise<StoredSession> {
  api.setToken(null);
  const started = await api.json<StartWidgetChatResponse>('POST', '/v1/widget/chats', {
    widgetKey,
    name: visitorName,
    email: visitorEmail,
  });
  const session = { chatId: started.chatId, visitorToken: started.visitorToken };
  store.save(session);
  api.setToken(session.visitorToken);
  return session;
}
