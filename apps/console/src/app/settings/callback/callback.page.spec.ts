import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CallbackSettings } from '@satchel/contracts';
import { buttonByText, inputByLabel, query, setInput, settle, text } from '../../../testing/dom';
import { CallbackPage } from './callback.page';
import { provideTestI18n } from '../../../testing/i18n';

const NONE: CallbackSettings = {
  enabled: false,
  url: null,
  eventsEnabled: false,
  eventsUrl: null,
  eventTypes: ['attachment.created'],
  secretLast4: null,
  secretCreatedAt: null,
  updatedAt: null,
};

async function setup(settings = NONE) {
  TestBed.configureTestingModule({
    imports: [CallbackPage],
    providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(CallbackPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/v1/settings/callback').flush(settings);
  await settle(fixture);
  return { fixture, http };
}

describe('Settings › Callback form', () => {
  it('needs a URL once the callback is switched on, and only http(s) URLs', async () => {
    const { fixture, http } = await setup();
    fixture.componentInstance.form.controls.enabled.setValue(true);
    buttonByText(fixture, 'Save').click();
    await settle(fixture);
    http.expectNone({ method: 'PUT' });
    expect(text(fixture)).toContain('Enter the URL that should receive the requests');
    await setInput(fixture, inputByLabel(fixture, 'Callback URL'), 'ftp://example.com/in');
    expect(text(fixture)).toContain('Enter a full http:// or https:// URL.');
    await setInput(fixture, inputByLabel(fixture, 'Callback URL'), 'https://example.com/in');
    expect(text(fixture)).not.toContain('Enter a full http');
  });

  it('shows the signing secret once after saving and then only its last 4', async () => {
    const { fixture, http } = await setup();
    fixture.componentInstance.form.controls.enabled.setValue(true);
    await setInput(fixture, inputByLabel(fixture, 'Callback URL'), 'https://example.com/in');
    buttonByText(fixture, 'Save').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'PUT', url: '/v1/settings/callback' });
    expect(req.request.body).toMatchObject({ enabled: true, url: 'https://example.com/in' });
    req.flush({
      ...NONE,
      enabled: true,
      url: 'https://example.com/in',
      secretLast4: 'Zm9v',
      secret: 'whsec_c2VjcmV0Zm9v',
    });
    await settle(fixture);
    expect(query(fixture, '[data-testid=new-secret]').textContent).toContain('whsec_c2VjcmV0Zm9v');
    buttonByText(fixture, 'I have copied it').click();
    await settle(fixture);
    expect(text(fixture)).not.toContain('whsec_c2VjcmV0Zm9v');
    expect(text(fixture)).toContain('Current secret ends in Zm9v');
  });

  it('sends a test to the URL in the form and shows the receiver reply', async () => {
    const { fixture, http } = await setup();
    await setInput(fixture, inputByLabel(fixture, 'Callback URL'), 'http://127.0.0.1:8080/hook');
    buttonByText(fixture, 'Send test').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'POST', url: '/v1/settings/callback/test' });
    expect(req.request.body).toEqual({ url: 'http://127.0.0.1:8080/hook' });
    req.flush({
      ok: true,
      message: 'The receiver accepted the file',
      durationMs: 8,
      httpStatus: 200,
      response: { status: 0, uid: 'u-1', url: 'https://cdn/x' },
    });
    await settle(fixture);
    expect(query(fixture, '[data-testid=test-result]').textContent).toContain(
      'Success: The receiver accepted the file',
    );
    expect(query(fixture, '[data-testid=receiver-reply]').textContent).toContain('"uid": "u-1"');
  });

  it('asks for a URL before testing', async () => {
    const { fixture, http } = await setup();
    buttonByText(fixture, 'Send test').click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });
    expect(query(fixture, '[data-testid=test-result]').textContent).toContain(
      'Enter a callback URL to test.',
    );
  });
});
