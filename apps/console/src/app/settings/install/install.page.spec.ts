import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AccountDto } from '@satchel/contracts';
import { buttonByText, query, settle, text } from '../../../testing/dom';
import { InstallPage } from './install.page';
import { provideTestI18n } from '../../../testing/i18n';

const ACCOUNT: AccountDto = {
  id: 'a1',
  name: 'Acme',
  widgetKey: 'wk_abc123',
  allowedOrigins: ['https://shop.example.com'],
  searchLanguage: 'simple',
  createdAt: '2026-11-01T00:00:00.000Z',
};

async function setup() {
  TestBed.configureTestingModule({
    imports: [InstallPage],
    providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(InstallPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/v1/account').flush(ACCOUNT);
  await settle(fixture);
  return { fixture, http };
}

async function typeOrigins(fixture: Awaited<ReturnType<typeof setup>>['fixture'], value: string) {
  const area = query<HTMLTextAreaElement>(fixture, 'textarea');
  area.value = value;
  area.dispatchEvent(new Event('input'));
  area.dispatchEvent(new Event('blur'));
  await settle(fixture);
}

describe('Settings › Install', () => {
  it('shows the embed tag with the widget key and the saved domains, one per line', async () => {
    const { fixture } = await setup();
    expect(query(fixture, '[data-testid="embed-snippet"]').textContent).toBe(
      `<script src="${window.location.origin}/widget/widget.js" data-widget-key="wk_abc123" async></script>`,
    );
    expect(query<HTMLTextAreaElement>(fixture, 'textarea').value).toBe('https://shop.example.com');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('refuses a line with a path before sending, then saves the trimmed list', async () => {
    const { fixture, http } = await setup();
    await typeOrigins(fixture, 'https://shop.example.com/checkout');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    buttonByText(fixture, 'Save domains').click();
    await settle(fixture);
    http.expectNone({ method: 'PATCH' });
    expect(text(fixture)).toContain('"https://shop.example.com/checkout" is not an origin');

    await typeOrigins(fixture, ' https://shop.example.com \n\nhttp://127.0.0.1:5173\n');
    buttonByText(fixture, 'Save domains').click();
    const req = http.expectOne({ method: 'PATCH', url: '/v1/account' });
    expect(req.request.body).toEqual({
      allowedOrigins: ['https://shop.example.com', 'http://127.0.0.1:5173'],
    });
    req.flush({ ...ACCOUNT, allowedOrigins: ['https://shop.example.com', 'http://127.0.0.1:5173'] });
    await settle(fixture);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });
});
