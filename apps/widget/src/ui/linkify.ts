import { linkify } from '@satchel/domain';
import { h } from './dom';
import { i18n } from '../i18n/i18n';
import { setTime } from './time';

/** Message text as text nodes and safe links (http(s)/mailto only, new tab, no referrer). */
export const textNodes = (text: string): (Node | string)[] =>
  linkify(text).map((p) =>
    p.href ? h('a', { href: p.href, target: '_blank', rel: 'noopener noreferrer' }, p.text) : p.text,
  );

/** "2 min ago", the full date and time on hover (moved on by the typing chunk). */
export function timeView(iso: string): HTMLElement {
  const el = h('time', { datetime: iso });
  setTime(el, i18n.tag);
  return el;
}
