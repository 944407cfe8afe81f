const FOCUSABLE =
  'button:not([disabled]), [href], input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select, [tabindex]:not([tabindex="-1"])';

/** The elements of `container` that Tab can reach now (visible and enabled), in document order. */
export function focusables(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** Index of the element Tab (or Shift+Tab) moves to, wrapping around inside the container. */
export function wrapIndex(count: number, current: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/** Keeps Tab inside `container`: call from its keydown handler; `active` is the focused element. */
export function trapTab(e: KeyboardEvent, container: Element, active: Element | null): void {
  if (e.key !== 'Tab') return;
  const list = focusables(container);
  const next = list[wrapIndex(list.length, list.indexOf(active as HTMLElement), e.shiftKey)];
  e.preventDefault();
  next?.focus();
}
