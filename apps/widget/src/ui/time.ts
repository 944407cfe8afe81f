import { fullTime, relativeTime } from '@satchel/domain';

/** A `<time datetime>` as "2 min ago" in `tag`, with the full date and time (viewer's zone) on hover. */
export function setTime(el: Element, tag: string): void {
  const at = Date.parse(el.getAttribute('datetime') ?? '');
  el.textContent = relativeTime(at, Date.now(), tag);
  el.setAttribute('title', fullTime(at, tag));
}
