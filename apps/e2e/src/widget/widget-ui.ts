import type { Locator, Page } from 'playwright-core';
import type { SampleFile } from '../support/sample-files';

/** The widget's shadow root content (Playwright's CSS locators pierce open shadow roots). */
export const widget = (page: Page): Locator => page.locator('satchel-widget');

/** Opens the demo host page and waits until the widget is connected live. */
export async function openDemo(page: Page): Promise<void> {
  await page.goto('/demo');
  await widget(page).locator('.panel').waitFor();
  await widget(page).locator('header .status', { hasText: 'Online' }).waitFor();
}

/** Drops files on the widget's chat window: a DataTransfer built in the page from the bytes, then dragenter/dragover/drop. */
export async function dropFiles(page: Page, files: SampleFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString('base64') }));
  await page.evaluate((list) => {
    const panel = document.querySelector('satchel-widget')?.shadowRoot?.querySelector('.panel');
    if (!panel) throw new Error('widget panel not found');
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      panel.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt }),
      );
    }
  }, payload);
}

/** Records every state and progress value the widget's file cards go through (fast uploads included). */
export async function recordCardStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('satchel-widget')?.shadowRoot;
    if (!root) throw new Error('widget not mounted');
    const seen: Record<string, string[]> = {};
    (window as unknown as { __cards: Record<string, string[]> }).__cards = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        const file = el.dataset['file'];
        if (!file || !r.attributeName) continue;
        const value =
          r.attributeName === 'data-state'
            ? `state:${el.dataset['state']}`
            : `progress:${el.dataset['progress']}`;
        (seen[file] ??= []).push(value);
      }
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-progress'] });
  });
}

export function cardHistory(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __cards: Record<string, string[]> }).__cards);
}

/** The widget's chat id from its session in localStorage ('' when no chat has started). */
export function storedChatId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('satchel:session:'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { chatId?: string }).chatId ?? '';
  });
}

/**
 * A chat starts with the visitor's first message: writes it, waits for it and for the chat's live
 * connection (its `session` event), and returns the new chat's id.
 */
export async function writeFirst(page: Page, text = 'Hello'): Promise<string> {
  const live = page
    .waitForEvent('websocket')
    .then((ws) => ws.waitForEvent('framereceived', (f) => String(f.payload).includes('"session"')));
  // By element, not by label: the widget may be in any language.
  await widget(page).locator('textarea').first().fill(text);
  await widget(page).locator('button.send').click();
  await widget(page).locator('.msg.mine', { hasText: text }).first().waitFor();
  await live;
  return storedChatId(page);
}
