import type { MessageDto } from '@satchel/contracts';

/** Messages fetched when a chat opens and per "older" page. */
export const MESSAGE_PAGE = 50;

/** Pixels from an edge of the log that still count as "at" it. */
const EDGE_PX = 80;

/** Both lists merged without duplicates, oldest first (ties broken by id, like the API). */
export function mergeMessages(a: readonly MessageDto[], b: readonly MessageDto[]): MessageDto[] {
  const byId = new Map<string, MessageDto>();
  for (const m of [...a, ...b]) byId.set(m.id, m);
  return [...byId.values()].sort(
    (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
  );
}

export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export const nearTop = (el: ScrollBox): boolean => el.scrollTop <= EDGE_PX;

export const nearBottom = (el: ScrollBox): boolean =>
  el.scrollHeight - el.scrollTop - el.clientHeight <= EDGE_PX;
