import { extensionOf } from '@satchel/domain';
import { h } from './dom';

/** How a file name may wrap: break after separators in the stem; the end of the stem and the extension stay together. */
export function nameParts(name: string): { parts: string[]; tail: string } {
  const ext = extensionOf(name);
  const stem = ext && name.length > ext.length + 1 ? name.slice(0, -(ext.length + 1)) : name;
  const keep = ext ? Math.min(3, stem.length) : 0;
  const head = stem.slice(0, stem.length - keep);
  const tail = ext ? name.slice(head.length) : '';
  const parts = head.match(/[^-_.\s,()[\]]*[-_.\s,()[\]]*/g)?.filter(Boolean) ?? [];
  return { parts, tail };
}

/** A file name that wraps at `_`, `-`, `.` and spaces (and inside a very long word), never inside `.pdf`. */
export function fileNameEl(name: string): HTMLElement {
  const { parts, tail } = nameParts(name);
  const el = h('div', { class: 'name', title: name });
  for (const p of parts) el.append(p, h('wbr'));
  if (tail) el.append(h('span', { class: 'tail' }, tail));
  return el;
}
