import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UploadSettings } from '@satchel/contracts';
import { buttonByText, query, setInput, settle, text } from '../../../testing/dom';
import { UploadsSettingsPage } from './uploads-settings.page';
import { provideTestI18n } from '../../../testing/i18n';

const SETTINGS: UploadSettings = {
  visitor: { enabled: true, allowedTypes: 'jpg|png|pdf', maxSizeKb: 5120 },
  operator: { enabled: true, allowedTypes: 'pdf|xlsx', maxSizeKb: 5120 },
  accessTokenRequired: false,
  loggingEnabled: true,
  generateThumbnails: true,
  previewKinds: { images: true, heic: true, pdf: true, video: true },
  photoCompression: {
    visitor: { enabled: true, maxDimensionPx: 2000, quality: 75 },
    operator: { enabled: false, maxDimensionPx: 2560, quality: 80 },
  },
  platformMaxSizeKb: 10240,
};

async function setup() {
  TestBed.configureTestingModule({
    imports: [UploadsSettingsPage],
    providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(UploadsSettingsPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/v1/settings/uploads').flush(SETTINGS);
  await settle(fixture);
  return { fixture, http };
}

const chips = (fixture: Awaited<ReturnType<typeof setup>>['fixture'], role: string) =>
  Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(`[data-testid=${role}-type-chip]`)).map(
    (c) => c.textContent?.trim(),
  );

describe('Settings › File uploads form', () => {
  it('shows two panels with the parsed types as chips and a human size hint', async () => {
    const { fixture } = await setup();
    expect(text(fixture)).toContain('Visitors');
    expect(text(fixture)).toContain('Operators');
    expect(chips(fixture, 'visitor')).toEqual(['jpg', 'png', 'pdf']);
    expect(chips(fixture, 'operator')).toEqual(['pdf', 'xlsx']);
    expect(text(fixture)).toContain('5120 KB = 5 MB');
    expect(text(fixture)).toContain('Platform limit: 10240 KB (10 MB)');
  });

  it('validates the type list live, naming the bad token, and updates the chips', async () => {
    const { fixture } = await setup();
    const types = query<HTMLInputElement>(fixture, '[data-testid=visitor-types]');
    await setInput(fixture, types, 'PDF | .xlsx');
    expect(chips(fixture, 'visitor')).toEqual(['pdf', 'xlsx']);
    await setInput(fixture, types, 'pdf|exe2');
    expect(text(fixture)).toContain('Unknown file type "exe2" in the allowed file types');
    expect(text(fixture)).not.toContain('allowedTypes');
    expect(chips(fixture, 'visitor')).toEqual([]);
    await setInput(fixture, types, '');
    expect(text(fixture)).toContain('List at least one file extension');
  });

  it('refuses sizes that are not whole KB or above the platform ceiling', async () => {
    const { fixture } = await setup();
    const size = query<HTMLInputElement>(fixture, '[data-testid=operator-size]');
    await setInput(fixture, size, '20000');
    expect(text(fixture)).toContain('At most 10240 KB (10 MB), the platform limit.');
    await setInput(fixture, size, '0');
    expect(text(fixture)).toContain('at least 1 KB');
    await setInput(fixture, size, '2048');
    expect(text(fixture)).toContain('2048 KB = 2 MB');
  });

  it('does not send an invalid form', async () => {
    const { fixture, http } = await setup();
    await setInput(fixture, query(fixture, '[data-testid=visitor-types]'), 'pdf||zzz');
    buttonByText(fixture, 'Save upload rules').click();
    await settle(fixture);
    http.expectNone('/v1/settings/uploads');
    expect(query(fixture, '[data-testid=save-error]').textContent).toContain('Fix the highlighted fields');
  });

  it('saves the normalized rules and confirms', async () => {
    const { fixture, http } = await setup();
    await setInput(fixture, query(fixture, '[data-testid=visitor-types]'), ' PDF ');
    await setInput(fixture, query(fixture, '[data-testid=visitor-size]'), '10');
    buttonByText(fixture, 'Save upload rules').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'PUT', url: '/v1/settings/uploads' });
    expect(req.request.body).toEqual({
      visitor: { enabled: true, allowedTypes: 'pdf', maxSizeKb: 10 },
      operator: { enabled: true, allowedTypes: 'pdf|xlsx', maxSizeKb: 5120 },
      accessTokenRequired: false,
      loggingEnabled: true,
      photoCompression: SETTINGS.photoCompression,
    });
    req.flush({ ...SETTINGS, visitor: { enabled: true, allowedTypes: 'pdf', maxSizeKb: 10 } });
    await settle(fixture);
    expect(text(fixture)).toContain('Saved. New uploads follow these rules now.');
  });

  it('shows photo compression per role with its explanation and saves a change', async () => {
    const { fixture, http } = await setup();
    expect(text(fixture)).toContain('Photo compression');
    expect(text(fixture)).toContain('the original photo is sent');
    const visitor = query<HTMLElement>(fixture, '[data-testid=visitor-compression]');
    const [dimension, quality] = Array.from(visitor.querySelectorAll<HTMLInputElement>('input[type=number]'));
    expect([dimension.value, quality.value]).toEqual(['2000', '75']);
    await setInput(fixture, quality, '0');
    expect(text(fixture)).toContain('quality: 1 to 100');
    await setInput(fixture, quality, '60');
    await setInput(fixture, dimension, '1600');
    buttonByText(fixture, 'Save upload rules').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'PUT', url: '/v1/settings/uploads' });
    expect(req.request.body.photoCompression).toEqual({
      visitor: { enabled: true, maxDimensionPx: 1600, quality: 60 },
      operator: { enabled: false, maxDimensionPx: 2560, quality: 80 },
    });
    req.flush(SETTINGS);
    await settle(fixture);
  });

  it('shows a 400 from the server on the form and on the field it names', async () => {
    const { fixture, http } = await setup();
    buttonByText(fixture, 'Save upload rules').click();
    await settle(fixture);
    http.expectOne({ method: 'PUT', url: '/v1/settings/uploads' }).flush(
      {
        error: 'operator.maxSizeKb must be at most 10240 (the platform limit)',
        field: 'operator.maxSizeKb',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(query(fixture, '[data-testid=save-error]').textContent).toContain(
      'Operators, maximum size (KB) must be at most 10240',
    );
    expect(fixture.componentInstance.form.controls.operator.controls.maxSizeKb.hasError('server')).toBe(true);
  });
});
