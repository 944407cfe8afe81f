import type { ChatDto } from '@satchel/contracts';

/** Whether a chat's news are for this operator: assigned to them, or to nobody. */
export function concernsMe(chat: ChatDto | undefined, myUserId: string | null): boolean {
  const assignee = chat?.assignee?.id ?? null;
  return assignee === null || assignee === myUserId;
}
