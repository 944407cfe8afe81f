import type { AccountDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { startHostPage, type HostPage } from '../support/host-page';
import { pngFile } from '../support/sample-files';
import { dropFiles, widget } from './widget-ui';

const page = (apiUrl: string, widgetKey: string, locale: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Shop</h1>
<script src="${apiUrl}/widget/widget.js" data-widget-key="${widgetKey}" data-locale="${locale}" data-open="true" async></script>
</body></html>`;

/** The widget's strings follow the page's `data-locale`; Arabic is laid out right-to-left. */
describe('widget: languages (data-locale) and right-to-left', () => {
  let env: E2eEnv;
  let host: HostPage;

  beforeAll(async () => {
    env = await startE2eEnv('widget-locales');
    host = await startHostPage(env.server.url);
    const { widgetKey } = await env.admin.get<AccountDto>('/v1/account');
    // Only PNGs, so a text file is refused in the visitor's language.
    await env.admin.put('/v1/settings/uploads', { visitor: { allowedTypes: 'png' } });
    for (const l of ['de', 'ar', 'fr']) host.set(`/${l}`, page(env.server.url, widgetKey, l));
    host.set('/plain', page(env.server.url, widgetKey, '').replace(' data-locale=""', ''));
  });

  afterAll(async () => {
    await host?.close();
    await env?.stop();
  });

  async function open(locale: string): Promise<Page> {
    const p = await env.page();
    await p.goto(`${host.url}/${locale}`);
    await widget(p).locator('.panel').waitFor();
    return p;
  }

  it('data-locale="de" shows German strings, statuses and refusals', async () => {
    const p = await open('de');
    const w = widget(p);
    await w.getByRole('button', { name: 'Senden' }).waitFor();
    expect(await w.getAttribute('lang')).toBe('de');
    expect(await w.getAttribute('dir')).toBe('ltr');
    await w.locator('header .status', { hasText: 'Online' }).waitFor();
    expect(await w.getByRole('textbox', { name: 'Nachricht' }).getAttribute('placeholder')).toBe(
      'Nachricht schreiben…',
    );
    await w.getByRole('button', { name: 'Dateien anhängen' }).waitFor();
    await w.getByRole('button', { name: 'Chat schließen' }).waitFor();

    await dropFiles(p, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
    const card = w.locator('.card[data-file="notes.txt"]');
    await card
      .locator('.reason', { hasText: 'notes.txt: Dateityp .txt ist nicht erlaubt (erlaubt: png)' })
      .waitFor();
    await card.getByRole('button', { name: 'notes.txt entfernen' }).waitFor();
    // File sizes in the page's number format.
    await dropFiles(p, [pngFile('foto.png', 400, 300, [200, 30, 30])]);
    await w.locator('.card[data-file="foto.png"] .sub', { hasText: /^\d+(,\d)? (kB|Byte)/ }).waitFor();
    await screenshot(p, 'widget-locale-de');
    await expectNoSeriousViolations(p, 'widget in German');
    await p.context().close();
  });

  it('data-locale="ar" shows Arabic, right-to-left and mirrored', async () => {
    const p = await open('ar');
    const w = widget(p);
    await w.getByRole('button', { name: 'إرسال' }).waitFor();
    expect(await w.getAttribute('lang')).toBe('ar');
    expect(await w.getAttribute('dir')).toBe('rtl');
    await w.locator('header .status', { hasText: 'متصل' }).waitFor();
    await w.getByRole('textbox', { name: 'الرسالة' }).fill('مرحبا');
    await w.getByRole('button', { name: 'إرسال' }).click();
    await w.locator('.msg.mine', { hasText: 'مرحبا' }).waitFor();

    // Mirrored: the send button sits left of the text box, the paperclip right of it, and the
    // visitor's own bubble hugs the left edge of the log.
    const box = async (sel: string) => (await w.locator(sel).first().boundingBox())!;
    const [send, input, clip, mine, log] = await Promise.all(
      ['.composer .send', '.composer textarea', '.composer .clip', '.msg.mine', '.log'].map(box),
    );
    expect(send.x + send.width).toBeLessThanOrEqual(input.x + 1);
    expect(clip.x).toBeGreaterThanOrEqual(input.x + input.width - 1);
    expect(mine.x - log.x).toBeLessThan(log.x + log.width - (mine.x + mine.width));
    // The panel opens at the inline end of the page: the left side in right-to-left.
    const panel = await box('.panel');
    expect(panel.x).toBeLessThan(100);
    await screenshot(p, 'widget-locale-ar');
    await expectNoSeriousViolations(p, 'widget in Arabic (right-to-left)');
    await p.context().close();
  });

  it('Satchel.setLocale switches a running widget; data-locale still wins over it', async () => {
    const p = await open('plain');
    const w = widget(p);
    await w.getByRole('button', { name: 'Send' }).waitFor();
    await p.evaluate(() =>
      (window as unknown as { Satchel: (m: string, a: string) => void }).Satchel('setLocale', 'es'),
    );
    await w.getByRole('button', { name: 'Enviar' }).waitFor();
    await w.getByRole('button', { name: 'Cerrar chat' }).waitFor();
    await p.goto(`${host.url}/fr`);
    await w.getByRole('button', { name: 'Envoyer' }).waitFor();
    await p.context().close();
  });

  it('says when in German ("jetzt"), also for a greeting shown before the German strings arrived', async () => {
    await env.admin.put('/v1/settings/chatbot', {
      enabled: true,
      botName: 'Shop Bot',
      steps: [{ type: 'say', text: 'Willkommen im Shop!' }],
    });
    const p = await env.page();
    const w = widget(p);
    const time = w.locator('.msg[data-role="bot"] time');
    // The catalogue comes only once the greeting (rendered meanwhile) is on screen.
    await p.route(/\/locales\/de\.js$/, async (route) => {
      await time.waitFor();
      await route.continue();
    });
    await p.goto(`${host.url}/de`);
    await w.getByRole('button', { name: 'Senden' }).waitFor();
    expect(await time.textContent()).toBe('jetzt');
    expect(await time.getAttribute('title')).toMatch(/\d{4}/);
    await screenshot(p, 'widget-locale-de-greeting');
    await p.context().close();
  });
});
