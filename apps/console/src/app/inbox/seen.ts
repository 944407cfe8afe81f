import type { MessageDto, ReadReceipt } from '@satchel/contracts';

/**
 * The message "Seen" goes under: the newest of ours (not the visitor's) that the visitor had on
 * screen, going by their read position's time; null when they have read none of ours.
 */
export function seenMessageId(messages: readonly MessageDto[], read: ReadReceipt | null): string | null {
  if (!read) return null;
  const upTo = messages.findIndex((m) => m.id === read.messageId);
  const readAt = Date.parse(read.readAt);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m) continue;
    const isRead = upTo >= 0 ? i <= upTo : Date.parse(m.createdAt) <= readAt;
    if (isRead && m.author.role !== 'visitor') return m.id;
  }
  return null;
}
