import type { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

/** The API's header with the next page's cursor for lists whose body stays a plain array. */
export const NEXT_CURSOR = 'X-Next-Cursor';

/** One page of such a list and the cursor of the next one (null at the end). */
export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

export async function getCursorPage<T>(
  http: HttpClient,
  url: string,
  params: Record<string, string | number>,
): Promise<CursorPage<T>> {
  const res = await firstValueFrom(http.get<T[]>(url, { params, observe: 'response' }));
  return { items: res.body ?? [], next: res.headers.get(NEXT_CURSOR) };
}
