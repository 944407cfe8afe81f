import type { StartWidgetChatResponse, VisitorContext } from '@satchel/contracts';
import { ApiError, type ApiClient } from '../api/api-client';
import type { SessionStore, StoredSession } from './session-store';

export interface ResumedChat {
  session: StoredSession;
  /** The stored chat was closed (by an operator or for inactivity): show it read-only, start nothing. */
  ended: boolean;
}

/**
 * The visitor's stored chat while the server still knows it (open, pending or ended and kept to be
 * read), or when it cannot be reached (offline reloads keep working); null when there is none. A
 * page load never starts a chat: that waits for the visitor's first message or file.
 */
export async function resumeChat(api: ApiClient, store: SessionStore): Promise<ResumedChat | null> {
  const stored = store.load();
  if (!stored) return null;
  api.setToken(stored.visitorToken);
  try {
    const chat = await api.json<{ status: string }>('GET', `/v1/chats/${stored.chatId}`);
    return { session: stored, ended: chat.status === 'closed' };
  } catch (err) {
    if (err instanceof ApiError && (err.isNetwork || err.status >= 500))
      return { session: stored, ended: false };
    // This page's origin is refused: keep the chat for the pages where it is allowed.
    if (err instanceof ApiError && err.status === 403) throw err;
  }
  store.clear();
  api.setToken(null);
  return null;
}

/** Starts a new chat with the widget key and remembers it. */
export async function startChat(
  api: ApiClient,
  store: SessionStore,
  widgetKey: string,
  visitor: { name?: string; email?: string; context?: VisitorContext },
): Promise<StoredSession> {
  api.setToken(null);
  const started = await api.json<StartWidgetChatResponse>('POST', '/v1/widget/chats', {
    widgetKey,
    name: visitor.name,
    email: visitor.email,
    context: visitor.context,
  });
  const session = { chatId: started.chatId, visitorToken: started.visitorToken };
  store.save(session);
  api.setToken(session.visitorToken);
  return session;
}
