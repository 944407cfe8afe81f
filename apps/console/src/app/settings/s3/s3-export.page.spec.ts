import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { S3ExportSettings } from '@satchel/contracts';
import { buttonByText, inputByLabel, query, setInput, settle, text } from '../../../testing/dom';
import { S3ExportPage } from './s3-export.page';
import { provideTestI18n } from '../../../testing/i18n';

const EMPTY: S3ExportSettings = {
  disabled: false,
  configured: false,
  accessKeyIdLast4: null,
  secretAccessKeyLast4: null,
  region: 'us-east-1',
  bucket: null,
  folder: '',
  endpoint: null,
  updatedAt: null,
};
const SAVED: S3ExportSettings = {
  ...EMPTY,
  configured: true,
  accessKeyIdLast4: 'MPLE',
  secretAccessKeyLast4: 'EKEY',
  bucket: 'acme-chat-files',
  folder: 'exports',
};

async function setup(settings: S3ExportSettings) {
  TestBed.configureTestingModule({
    imports: [S3ExportPage],
    providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(S3ExportPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/v1/settings/s3-export').flush(settings);
  await settle(fixture);
  return { fixture, http };
}

describe('Settings › AWS S3 export form', () => {
  it('requires the keys, region and bucket before the first save and sends nothing', async () => {
    const { fixture, http } = await setup(EMPTY);
    buttonByText(fixture, 'Save').click();
    await settle(fixture);
    http.expectNone('/v1/settings/s3-export');
    expect(text(fixture)).toContain('Enter the access key ID.');
    expect(text(fixture)).toContain('Enter the secret access key.');
    expect(text(fixture)).toContain('Enter the bucket name.');
  });

  it('checks bucket names, folders and endpoints', async () => {
    const { fixture } = await setup(EMPTY);
    await setInput(fixture, inputByLabel(fixture, 'Bucket name'), 'My_Bucket');
    expect(text(fixture)).toContain('Bucket names are 3–63 lowercase letters');
    await setInput(fixture, inputByLabel(fixture, 'Folder name'), '/abs/../path');
    expect(text(fixture)).toContain('Use a relative folder');
    await setInput(fixture, inputByLabel(fixture, 'Endpoint (optional)'), 'ftp://files.example.com');
    expect(text(fixture)).toContain('Enter an http:// or https:// URL');
    await setInput(fixture, inputByLabel(fixture, 'Bucket name'), 'my-bucket.2024');
    expect(text(fixture)).not.toContain('Bucket names are 3–63');
  });

  it('keeps stored secrets write-only: shows their last 4 and omits empty key fields', async () => {
    const { fixture, http } = await setup(SAVED);
    expect(text(fixture)).toContain('Saved key ends in MPLE');
    expect(text(fixture)).toContain('Saved secret ends in EKEY');
    expect(inputByLabel(fixture, 'Secret access key').value).toBe('');
    expect(inputByLabel(fixture, 'Secret access key').type).toBe('password');
    buttonByText(fixture, 'Save').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'PUT', url: '/v1/settings/s3-export' });
    expect(req.request.body).toEqual({
      disabled: false,
      region: 'us-east-1',
      bucket: 'acme-chat-files',
      folder: 'exports',
      endpoint: null,
    });
    req.flush(SAVED);
  });

  it('tests the unsaved form values and shows the outcome', async () => {
    const { fixture, http } = await setup(EMPTY);
    await setInput(fixture, inputByLabel(fixture, 'Access key ID'), 'AKIDWRONG');
    await setInput(fixture, inputByLabel(fixture, 'Secret access key'), 'nope');
    await setInput(fixture, inputByLabel(fixture, 'Bucket name'), 'probe-bucket');
    await setInput(fixture, inputByLabel(fixture, 'Endpoint (optional)'), 'http://127.0.0.1:9000');
    buttonByText(fixture, 'Test connection').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'POST', url: '/v1/settings/s3-export/test' });
    expect(req.request.body).toMatchObject({
      accessKeyId: 'AKIDWRONG',
      secretAccessKey: 'nope',
      endpoint: 'http://127.0.0.1:9000',
    });
    req.flush({
      ok: false,
      message: 'The access key or secret is wrong',
      reason: 'bad_credentials',
      durationMs: 12,
    });
    await settle(fixture);
    expect(query(fixture, '[data-testid=test-result]').textContent).toContain(
      'Failed: The access key or secret is wrong',
    );
    expect(query(fixture, '[data-testid=test-result]').textContent).toContain('bad_credentials');
  });
});
