import type { AttachmentDto, ChatDto } from '@satchel/contracts';
import type { Page } from 'playwright-core';
import { ADMIN } from '../support/api-server';
import { screenshot } from '../support/browser';
import { signIn } from '../support/console-ui';
import { startE2eEnv, type E2eEnv } from '../support/e2e-env';
import { pdfFile } from '../support/sample-files';

/** Signs in through the login form in whatever language it is shown. */
async function signInAs(
  page: Page,
  labels: { email: string; password: string; submit: string; signOut: string },
) {
  await page.goto('/console/login');
  await page.getByLabel(labels.email).fill(ADMIN.email);
  await page.getByLabel(labels.password).fill(ADMIN.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByRole('button', { name: labels.signOut }).waitFor();
}

const html = (page: Page, attr: 'lang' | 'dir') => page.locator('html').getAttribute(attr);

describe('console: languages, right-to-left and local formats', () => {
  let env: E2eEnv;
  let chat: ChatDto;
  let file: AttachmentDto;

  beforeAll(async () => {
    env = await startE2eEnv('console-i18n');
    chat = await env.admin.createChat('Vera Visitor');
    const pdf = pdfFile('rechnung.pdf', 1, 1536);
    [file] = await env.admin.upload<AttachmentDto[]>(`/v1/chats/${chat.id}/attachments`, [
      { name: pdf.name, content: pdf.buffer, type: pdf.mimeType },
    ]);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('speaks German to a German browser: login, files, inbox and settings, with German dates and sizes', async () => {
    const page = await env.page({}, 'de-DE');
    await page.goto('/console/login');
    await page.getByRole('heading', { name: 'Bei Satchel anmelden' }).waitFor();
    expect(await html(page, 'lang')).toBe('de');
    await screenshot(page, 'i18n-de-login');
    await signInAs(page, { email: 'E-Mail', password: 'Passwort', submit: 'Anmelden', signOut: 'Abmelden' });

    await page.getByRole('heading', { name: 'Dateien' }).waitFor();
    expect(await page.title()).toBe('Dateien · Satchel');
    const row = page.locator(`tr[data-file-id="${file.id}"]`);
    await row.waitFor();
    expect(await row.locator('td.mat-column-size').innerText()).toBe('1,5 KB');
    expect(await row.locator('td.mat-column-createdAt').innerText()).toMatch(
      /^\d{2}\.\d{2}\.\d{2}, \d{2}:\d{2}$/,
    );
    await page.getByText('Einträge pro Seite').waitFor();
    await screenshot(page, 'i18n-de-files');

    const nav = page.getByRole('navigation', { name: 'Bereiche', exact: true });
    await nav.getByRole('link', { name: 'Posteingang', exact: true }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
    await page.getByRole('navigation', { name: 'Chats' }).getByText('Vera Visitor').click();
    await page.getByRole('button', { name: 'Datei anfordern' }).waitFor();
    await page.getByText('Noch keine Nachrichten.').waitFor();
    await page.getByLabel('Antwort').waitFor();
    await screenshot(page, 'i18n-de-inbox');

    await nav.getByRole('link', { name: 'Datei-Uploads' }).click();
    await page.getByRole('heading', { name: 'Datei-Uploads' }).waitFor();
    await page.getByText('Besuchern das Hochladen von Dateien erlauben').waitFor();
    await page.getByRole('button', { name: 'Upload-Regeln speichern' }).waitFor();
    await nav.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('tab', { name: 'Personen' }).waitFor();
    await screenshot(page, 'i18n-de-team');
    await page.context().close();
  });

  it('lays the console out right to left for an Arabic browser', async () => {
    const page = await env.page({}, 'ar-EG');
    await signInAs(page, {
      email: 'البريد الإلكتروني',
      password: 'كلمة المرور',
      submit: 'تسجيل الدخول',
      signOut: 'تسجيل الخروج',
    });
    await page.getByRole('heading', { name: 'الملفات' }).waitFor();
    expect(await html(page, 'dir')).toBe('rtl');
    expect(await html(page, 'lang')).toBe('ar');
    // The navigation drawer sits on the right, the table's first column (preview) on the right too.
    const nav = await page.getByRole('navigation', { name: 'الأقسام' }).boundingBox();
    const heading = await page.getByRole('heading', { name: 'الملفات' }).boundingBox();
    expect(nav!.x).toBeGreaterThan(heading!.x);
    const row = page.locator(`tr[data-file-id="${file.id}"]`);
    const thumb = await row.locator('td.mat-column-thumb').boundingBox();
    const size = await row.locator('td.mat-column-size').boundingBox();
    expect(thumb!.x).toBeGreaterThan(size!.x);
    await screenshot(page, 'i18n-ar-files');
    await page.goto(`/console/inbox/${chat.id}`);
    await page.getByRole('button', { name: 'طلب ملف' }).waitFor();
    await screenshot(page, 'i18n-ar-inbox');
    await page.context().close();
  });

  it('switches language from the menu without reloading and remembers the choice', async () => {
    const page = await env.page();
    await signIn(page);
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    const row = page.locator(`tr[data-file-id="${file.id}"]`);
    expect(await row.locator('td.mat-column-size').innerText()).toBe('1.5 KB');
    expect(await row.locator('td.mat-column-createdAt').innerText()).toMatch(
      /^\d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2}\s[AP]M$/,
    );
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Fichiers' }).waitFor();
    expect(await row.locator('td.mat-column-size').innerText()).toBe('1,5 Ko');
    expect(await row.locator('td.mat-column-createdAt').innerText()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    expect(await page.title()).toBe('Fichiers · Satchel');

    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'الملفات' }).waitFor();
    expect(await html(page, 'dir')).toBe('rtl');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await screenshot(page, 'i18n-switched-ar');

    await page.reload();
    await page.getByRole('heading', { name: 'الملفات' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('satchel.console.lang'))).toBe('ar');
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    expect(await html(page, 'dir')).toBe('ltr');
    await page.context().close();
  });

  it('translates the account, security, appearance, retention and upload-group pages (German, Arabic right to left)', async () => {
    const page = await env.page({}, 'de-DE');
    await page.goto('/console/forgot-password');
    await page.getByRole('heading', { name: 'Passwort vergessen?' }).waitFor();
    await page.getByRole('button', { name: 'Link zum Zurücksetzen senden' }).waitFor();
    expect(await page.title()).toBe('Passwort vergessen · Satchel');
    await screenshot(page, 'i18n-de-forgot-password');
    await signInAs(page, { email: 'E-Mail', password: 'Passwort', submit: 'Anmelden', signOut: 'Abmelden' });

    const nav = page.getByRole('navigation', { name: 'Bereiche', exact: true });
    await nav.getByRole('link', { name: 'Sicherheit' }).click();
    await page.getByRole('heading', { name: 'Zwei-Faktor-Anmeldung' }).waitFor();
    await page.getByRole('button', { name: 'Zwei-Faktor-Anmeldung einrichten' }).click();
    await page.getByRole('img', { name: 'QR-Code für Ihre Authenticator-App' }).waitFor();
    await screenshot(page, 'i18n-de-security');

    await nav.getByRole('link', { name: 'Erscheinungsbild' }).click();
    await page.getByRole('button', { name: 'Erscheinungsbild speichern' }).waitFor();
    await page.getByRole('heading', { name: 'Geschäftszeiten' }).waitFor();
    await nav.getByRole('link', { name: 'Aufbewahrung' }).click();
    await page.getByRole('heading', { name: 'Belegter Speicher' }).waitFor();
    await nav.getByRole('link', { name: 'Upload-Gruppen' }).click();
    await page.getByText('Noch keine Gruppen: Alle folgen den Regeln des Kontos.').waitFor();
    await screenshot(page, 'i18n-de-upload-groups');
    await page.context().close();

    const ar = await env.page({}, 'ar-EG');
    await ar.goto('/console/reset-password?token=x');
    await ar.getByRole('heading', { name: 'اختر كلمة مرور جديدة' }).waitFor();
    expect(await html(ar, 'dir')).toBe('rtl');
    await screenshot(ar, 'i18n-ar-reset-password');
    await ar.context().close();
  });
});
