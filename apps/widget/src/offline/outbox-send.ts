// `outbox-send.js`: sends the messages queued offline once the network is back (a chunk: the
// queueing itself stays in widget.js, as it must work without the network).
import type { MessageDto } from '@satchel/contracts';
import type { QueuedUpload } from '@satchel/upload-client';
import type { OutgoingMessage } from '../live/live-channel';
import { createQueue } from '../upload/upload-chunk';
import type { Outbox, OutboxEntry, OutboxFile } from './outbox';
import type { OutboxView } from './outbox-view';

/** What sending the queue needs from the widget. */
export interface OutboxHost {
  outbox: Outbox;
  views: Map<string, OutboxView>;
  view: (entry: OutboxEntry) => OutboxView;
  post: (msg: OutgoingMessage) => Promise<MessageDto>;
  received: (m: MessageDto) => void;
  uploadUrl: (chatId: string) => string;
  tusEndpoint: () => string;
  authHeader: () => string | null;
}

/** A network failure (the widget's ApiError, compared by shape: this chunk has its own copy of the class). */
const isNetwork = (err: unknown) => (err as { isNetwork?: boolean }).isNetwork === true;

/** Sends a chat's queued messages in order; stops at the first that still finds no network. */
export async function sendOutbox(chatId: string, host: OutboxHost): Promise<void> {
  for (const entry of await host.outbox.forChat(chatId)) {
    if (!(await sendQueued(entry, host))) break;
  }
}

/** Sends one queued message; false when the network is still away (it stays queued). */
async function sendQueued(entry: OutboxEntry, host: OutboxHost): Promise<boolean> {
  const view = host.views.get(entry.id) ?? host.view(entry);
  view.sending(true);
  for (const file of entry.files.filter((f) => !f.attachmentId)) {
    const card = view.cards.get(file.id);
    card?.set('uploading');
    const u = await uploadQueued(entry, file, host, (x) => card?.progress(x.loaded, x.size, x.speed, x.eta));
    if (u?.state === 'done') {
      file.attachmentId = u.attachment?.id;
      card?.set('done');
      await host.outbox.put(entry);
      continue;
    }
    if (!u || u.state === 'waiting') {
      card?.set('waiting');
      view.sending(false);
      return false;
    }
    card?.set('failed', u.error?.message ?? '');
    entry.files = entry.files.filter((f) => f !== file);
    await host.outbox.put(entry);
  }
  const attachmentIds = entry.files.map((f) => f.attachmentId).filter((id): id is string => !!id);
  try {
    if (entry.text || attachmentIds.length) {
      const msg: OutgoingMessage = { text: entry.text || undefined, attachmentIds };
      if (entry.fileRequestId && attachmentIds.length) msg.fileRequestId = entry.fileRequestId;
      host.received(await host.post(msg));
    }
  } catch (err) {
    if (isNetwork(err)) {
      view.sending(false);
      return false;
    }
    view.failed((err as Error).message);
    await host.outbox.remove(entry.id);
    return true;
  }
  await host.outbox.remove(entry.id);
  view.el.remove();
  host.views.delete(entry.id);
  return true;
}

/** One queued file through an upload queue; undefined when it cannot start (offline). */
async function uploadQueued(
  entry: OutboxEntry,
  file: OutboxFile,
  host: OutboxHost,
  progress: (u: QueuedUpload) => void,
): Promise<QueuedUpload | undefined> {
  try {
    const queue = createQueue({
      uploadUrl: () => host.uploadUrl(entry.chatId),
      tusEndpoint: host.tusEndpoint,
      authHeader: host.authHeader,
      onChange: (u) => u.state === 'uploading' && progress(u),
      onRemove: () => undefined,
    });
    // Stable across reloads and tabs: a send cut short after the server stored it is not stored twice.
    const u = queue.add(file.blob, {
      name: file.name,
      type: file.type,
      key: `outbox-${entry.id}-${file.id}`,
      meta: { chatId: entry.chatId },
    });
    return await queue.start(u.id);
  } catch {
    return undefined;
  }
}
