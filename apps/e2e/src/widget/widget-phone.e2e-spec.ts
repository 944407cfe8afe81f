import type { Page } from 'playwright-core';
import { screenshot, watchProblems } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { dropFiles, openDemo, widget } from './widget-ui';

const PHONE = { width: 390, height: 844 };
const LONG_NAME = 'Scan_from_the_office_printer_2026-11-27_signed_contract_final_version.pdf';

describe('widget: on a phone', () => {
  let env: E2eEnv;
  let phone: Page;
  let problems: string[];

  beforeAll(async () => {
    env = await startE2eEnv('widget-phone');
    await env.admin.put('/v1/settings/uploads', {
      visitor: { enabled: true, allowedTypes: 'png|jpg', maxSizeKb: 1024 },
    });
    const context = await env.browser.newContext({
      baseURL: env.server.url,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    phone = await context.newPage();
    phone.setDefaultTimeout(30000);
    problems = await watchProblems(phone);
    await openDemo(phone);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('opens full screen with a message box of at least 16 px (no zoom on focus)', async () => {
    const box = await widget(phone).locator('.panel').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    const size = await widget(phone)
      .getByRole('textbox', { name: 'Message' })
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
  });

  it('shows a refusal in full and wraps a long file name without splitting its extension', async () => {
    await dropFiles(phone, [
      { name: LONG_NAME, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    ]);
    const card = widget(phone).locator('.tray .card[data-state="refused"]');
    await card.waitFor();
    await screenshot(phone, 'widget-phone-refusal');
    const layout = await card.evaluate((el) => {
      const panel = (el.getRootNode() as ShadowRoot).querySelector('.panel') as HTMLElement;
      const p = panel.getBoundingClientRect();
      const inside = (e: Element | null) => {
        const r = e?.getBoundingClientRect();
        return !!r && r.left >= p.left - 0.5 && r.right <= p.right + 0.5;
      };
      const reason = el.querySelector('.reason') as HTMLElement;
      const name = el.querySelector('.name') as HTMLElement;
      const tail = el.querySelector('.name .tail') as HTMLElement;
      return {
        reasonInside: inside(reason),
        reasonNotCut: reason.scrollWidth <= reason.clientWidth,
        nameInside: inside(name),
        nameLines: Math.round(
          name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight),
        ),
        tailLines: tail.getClientRects().length,
        tail: tail.textContent,
      };
    });
    expect(layout).toEqual({
      reasonInside: true,
      reasonNotCut: true,
      nameInside: true,
      nameLines: layout.nameLines,
      tailLines: 1,
      tail: 'ion.pdf',
    });
    expect(layout.nameLines).toBeGreaterThan(1);
    expect(await card.locator('.reason').textContent()).toContain('is not allowed');
    expect(problems).toEqual([]);
  });
});
