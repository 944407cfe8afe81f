import type { ChatDto } from '@satchel/contracts';

/**
 * Whether a chat's news are for this operator: assigned to them, or to nobody. Chats without an
 * assignee field (before assignment exists) count as unassigned.
 */
export function concernsMe(chat: ChatDto | undefined, myUserId: string | null): boolean {
  const assignee = (chat as { assigneeId?: string | null } | undefined)?.assigneeId ?? null;
  return assignee === null || assignee === myUserId;
}
