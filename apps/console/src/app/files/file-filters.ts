import type { Params } from '@angular/router';
import {
  ACTOR_ROLES,
  EXPORT_FILTERS,
  PREVIEW_FILTERS,
  SCAN_FILTERS,
  type ActorRole,
  type AttachmentListQuery,
  type ExportFilter,
  type PreviewFilter,
  type ScanFilter,
} from '@satchel/contracts';
import { isoRange } from '../core/date-range';

export type SortField = NonNullable<AttachmentListQuery['sort']>;
export interface FileSort {
  field: SortField;
  order: 'asc' | 'desc';
}
export const DEFAULT_SORT: FileSort = { field: 'createdAt', order: 'desc' };

/** The Files page's filter form, as the user sees it (sizes in KB, dates as days). */
export interface FileFilterForm {
  q: string;
  text: string;
  role: ActorRole | '';
  type: string;
  chatId: string;
  visitor: string;
  minKb: number | null;
  maxKb: number | null;
  preview: PreviewFilter | '';
  scan: ScanFilter | '';
  export: ExportFilter | '';
  start: Date | null;
  end: Date | null;
}

export const EMPTY_FILTERS: FileFilterForm = {
  q: '',
  text: '',
  role: '',
  type: '',
  chatId: '',
  visitor: '',
  minKb: null,
  maxKb: null,
  preview: '',
  scan: '',
  export: '',
  start: null,
  end: null,
};

const TEXT_KEYS = ['q', 'text', 'type', 'chatId', 'visitor'] as const;
const SORTS: SortField[] = ['createdAt', 'name', 'size'];

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | '' =>
  list.includes(v as T) ? (v as T) : '';
const kb = (v: string | undefined): number | null => (v && /^\d{1,12}$/.test(v) ? Number(v) : null);
const day = (v: string | undefined): Date | null => {
  const m = v && /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};
const dayText = (d: Date | null): string | null =>
  d
    ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    : null;

/** The form and sort a link describes; unknown or malformed values fall back to "any". */
export function filtersFromParams(params: Params): { form: FileFilterForm; sort: FileSort } {
  const p = params as Record<string, string | undefined>;
  const form: FileFilterForm = { ...EMPTY_FILTERS };
  for (const key of TEXT_KEYS) form[key] = (p[key] ?? '').slice(0, 200);
  form.role = oneOf(ACTOR_ROLES, p['role']);
  form.preview = oneOf(PREVIEW_FILTERS, p['preview']);
  form.scan = oneOf(SCAN_FILTERS, p['scan']);
  form.export = oneOf(EXPORT_FILTERS, p['export']);
  form.minKb = kb(p['minKb']);
  form.maxKb = kb(p['maxKb']);
  form.start = day(p['from']);
  form.end = day(p['to']);
  const field = oneOf(SORTS, p['sort']) || DEFAULT_SORT.field;
  const order = p['order'] === 'asc' || p['order'] === 'desc' ? p['order'] : DEFAULT_SORT.order;
  return { form, sort: { field, order } };
}

/** Query parameters for the address bar: empty filters are removed (null), so links stay short. */
export function paramsFromFilters(f: FileFilterForm, sort: FileSort): Params {
  const params: Params = {};
  for (const key of TEXT_KEYS) params[key] = f[key].trim() || null;
  params['role'] = f.role || null;
  params['preview'] = f.preview || null;
  params['scan'] = f.scan || null;
  params['export'] = f.export || null;
  params['minKb'] = f.minKb ?? null;
  params['maxKb'] = f.maxKb ?? null;
  params['from'] = dayText(f.start);
  params['to'] = dayText(f.end);
  const isDefault = sort.field === DEFAULT_SORT.field && sort.order === DEFAULT_SORT.order;
  params['sort'] = isDefault ? null : sort.field;
  params['order'] = isDefault ? null : sort.order;
  return params;
}

/** The API query for the form (sizes in bytes, days as an ISO range in the viewer's time zone). */
export function listQuery(f: FileFilterForm, sort: FileSort): AttachmentListQuery {
  return {
    q: f.q.trim() || undefined,
    text: f.text.trim() || undefined,
    role: f.role || undefined,
    type: f.type || undefined,
    chatId: f.chatId.trim() || undefined,
    visitor: f.visitor.trim() || undefined,
    minSize: f.minKb === null ? undefined : f.minKb * 1024,
    maxSize: f.maxKb === null ? undefined : f.maxKb * 1024,
    preview: f.preview || undefined,
    scan: f.scan || undefined,
    export: f.export || undefined,
    ...isoRange(f.start, f.end),
    sort: sort.field,
    order: sort.order,
  };
}
