import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import type { CreatedApiTokenResponse } from '@satchel/contracts';
import { buttonByText, inputByLabel, query, setInput, settle, text } from '../../testing/dom';
import { TokenDialog } from './token-dialog';
import { provideTestI18n } from '../../testing/i18n';

const CREATED: CreatedApiTokenResponse = {
  id: '3f0c5d5e-0a53-4b8f-9a55-0d8b8d2a1f00',
  name: 'CRM sync',
  last4: 'a1b2',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  token: 'sat_live_0123456789abcdefa1b2',
};

async function setup() {
  const closed: unknown[] = [];
  TestBed.configureTestingModule({
    imports: [TokenDialog],
    providers: [
      provideTestI18n(),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MatDialogRef, useValue: { close: (v: unknown) => closed.push(v) } },
    ],
  });
  const fixture = TestBed.createComponent(TokenDialog);
  await settle(fixture);
  return { fixture, http: TestBed.inject(HttpTestingController), closed };
}

describe('API token dialog', () => {
  it('requires a name that is not blank and at most 100 characters', async () => {
    const { fixture, http } = await setup();
    buttonByText(fixture, 'Create token').click();
    await settle(fixture);
    expect(text(fixture)).toContain('Give the token a name');
    await setInput(fixture, inputByLabel(fixture, 'Token name'), '   ');
    buttonByText(fixture, 'Create token').click();
    await settle(fixture);
    http.expectNone('/v1/api-tokens');
    fixture.componentInstance.form.controls.name.setValue('x'.repeat(101));
    fixture.componentInstance.form.controls.name.markAsTouched();
    await settle(fixture);
    expect(text(fixture)).toContain('At most 100 characters.');
  });

  it('shows the created token once and returns it when done', async () => {
    const { fixture, http, closed } = await setup();
    await setInput(fixture, inputByLabel(fixture, 'Token name'), ' CRM sync ');
    buttonByText(fixture, 'Create token').click();
    await settle(fixture);
    const req = http.expectOne({ method: 'POST', url: '/v1/api-tokens' });
    expect(req.request.body).toEqual({ name: 'CRM sync' });
    req.flush(CREATED);
    await settle(fixture);
    expect(query(fixture, '[data-testid=created-token]').textContent).toContain(CREATED.token);
    expect(text(fixture)).toContain('this is the only time the token is shown');
    buttonByText(fixture, 'Done').click();
    expect(closed).toEqual([CREATED]);
  });

  it('shows why the server refused', async () => {
    const { fixture, http } = await setup();
    await setInput(fixture, inputByLabel(fixture, 'Token name'), 'CI');
    buttonByText(fixture, 'Create token').click();
    await settle(fixture);
    http
      .expectOne('/v1/api-tokens')
      .flush({ error: 'Only admins can create API tokens' }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect(query(fixture, '[role=alert]').textContent).toContain('Only admins can create API tokens');
  });
});
