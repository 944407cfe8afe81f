import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pngFile } from '../support/sample-files';
import { dropFiles, openDemo, widget } from './widget-ui';

/** Describes the element focused inside the widget's shadow root ('' when focus is elsewhere). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('satchel-widget')?.shadowRoot;
    const el = root?.activeElement as HTMLElement | null | undefined;
    if (!el) return '';
    const where = el.closest('.lightbox') ? 'lightbox' : el.closest('.panel') ? 'panel' : 'outside';
    return `${where}:${el.tagName.toLowerCase()}.${el.className}:${el.getAttribute('aria-label') ?? el.textContent ?? ''}`;
  });
}

describe('widget: keyboard — Escape, focus return, focus kept inside the panel and the image viewer', () => {
  let env: E2eEnv;
  let visitor: Page;

  beforeAll(async () => {
    env = await startE2eEnv('widget-a11y');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'png|pdf', maxSizeKb: 1024 },
    });
    visitor = await env.page();
    await openDemo(visitor);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('closes the panel with Escape, returns focus to the launcher, and opens again on it', async () => {
    await widget(visitor).getByRole('textbox', { name: 'Message' }).focus();
    await visitor.keyboard.press('Escape');
    await widget(visitor).locator('.panel').waitFor({ state: 'hidden' });
    expect(await focused(visitor)).toBe('outside:button.launcher:Open chat');
    await visitor.keyboard.press('Enter');
    await widget(visitor).locator('.panel').waitFor();
    expect(await focused(visitor)).toBe('panel:textarea.:Message');

    await widget(visitor).getByRole('button', { name: 'Close chat' }).click();
    expect(await focused(visitor)).toBe('outside:button.launcher:Open chat');
    await widget(visitor).getByRole('button', { name: 'Open chat' }).click();
  });

  it('keeps Tab and Shift+Tab inside the open panel', async () => {
    await widget(visitor).getByRole('textbox', { name: 'Message' }).focus();
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await visitor.keyboard.press('Tab');
      const now = await focused(visitor);
      expect(now).toMatch(/^panel:/);
      seen.add(now);
    }
    for (let i = 0; i < 8; i++) {
      await visitor.keyboard.press('Shift+Tab');
      expect(await focused(visitor)).toMatch(/^panel:/);
    }
    // Every control was reached: close, the conversation (scrolled with the arrow keys), paperclip,
    // message and Send.
    expect([...seen].sort()).toEqual(
      [
        'panel:button.:Close chat',
        'panel:div.log:Conversation',
        'panel:button.clip:Attach files',
        'panel:button.send:Send',
        'panel:textarea.:Message',
      ].sort(),
    );
  });

  it('opens an image in a viewer that keeps focus, closes it with Escape and returns to the image', async () => {
    await dropFiles(visitor, [pngFile('view-me.png', 300, 200, [30, 90, 200])]);
    await widget(visitor).getByRole('button', { name: 'Send' }).click();
    const thumb = widget(visitor).locator('.log .msg.mine button.thumb[data-loaded="true"]');
    await thumb.waitFor();
    await thumb.focus();
    await visitor.keyboard.press('Enter');
    await widget(visitor).locator('.lightbox img').waitFor();
    expect(await focused(visitor)).toBe('lightbox:button.close-image:Close');
    for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
      await visitor.keyboard.press(key);
      expect(await focused(visitor)).toBe('lightbox:button.close-image:Close');
    }
    await screenshot(visitor, 'widget-image-viewer');

    await visitor.keyboard.press('Escape');
    await widget(visitor).locator('.lightbox').waitFor({ state: 'hidden' });
    expect(await widget(visitor).locator('.panel').isVisible()).toBe(true);
    expect(await focused(visitor)).toMatch(/^panel:button\.thumb:/);
    await visitor.keyboard.press('Escape');
    await widget(visitor).locator('.panel').waitFor({ state: 'hidden' });
    expect(await focused(visitor)).toBe('outside:button.launcher:Open chat');
  });
});
