import { fullTime, linkify, relativeTime } from '@satchel/domain';
import { h } from './dom';
import { i18n } from '../i18n/i18n';

/** Message text as text nodes and safe links (http(s)/mailto only, new tab, no referrer). */
export const textNodes = (text: string): (Node | string)[] =>
  linkify(text).map((p) =>
    p.href ? h('a', { href: p.href, target: '_blank', rel: 'noopener noreferrer' }, p.text) : p.text,
  );

/** "2 min ago", the full date and time on hover; `refreshTimes` moves them on. */
export function timeView(iso: string): HTMLElement {
  const el = h('time', { datetime: iso });
  setTime(el);
  return el;
}

function setTime(el: Element): void {
  const at = Date.parse(el.getAttribute('datetime') ?? '');
  el.textContent = relativeTime(at, Date.now(), i18n.tag);
  el.setAttribute('title', fullTime(at, i18n.tag));
}

export const refreshTimes = (root: Element): void => root.querySelectorAll('time').forEach(setTime);
