import { HttpErrorResponse } from '@angular/common/http';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import { errorMessage } from './api-error';

const refusal = (status: number, body: object) => new HttpErrorResponse({ status, error: body });

describe('errorMessage in the reader’s language', () => {
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        importProvidersFrom(
          TranslocoTestingModule.forRoot({
            langs: { en, de },
            translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
            preloadLangs: true,
          }),
        ),
      ],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  it('turns a server code into the catalogue text, with its details', () => {
    const err = refusal(429, {
      error: 'Too many requests, try again later',
      code: 'RATE_LIMITED',
      retryAfter: 3,
    });
    expect(errorMessage(err)).toBe('Too many requests. Try again in 3 s.');
    transloco.setActiveLang('de');
    expect(errorMessage(err)).toBe('Zu viele Anfragen. Versuchen Sie es in 3 s erneut.');
  });

  it('keeps the server message when the code is unknown or missing', () => {
    transloco.setActiveLang('de');
    expect(errorMessage(refusal(400, { error: 'Chat is closed', code: 'SOMETHING_NEW' }))).toBe(
      'Chat is closed',
    );
    expect(errorMessage(refusal(400, { error: 'Chat is closed' }))).toBe('Chat is closed');
  });

  it('words network and status failures in the active language', () => {
    transloco.setActiveLang('de');
    expect(errorMessage(new HttpErrorResponse({ status: 0 }))).toMatch(
      /^Der Satchel-Server ist nicht erreichbar/,
    );
    expect(errorMessage(new HttpErrorResponse({ status: 500, error: 'down' }))).toBe(
      'Fehler auf dem Server (500). Versuchen Sie es gleich noch einmal.',
    );
  });

  it('says to try again later when a service is down or storage is full, and keeps a reason the server gives', () => {
    const later = /unavailable\. Try again later\./;
    expect(errorMessage(new HttpErrorResponse({ status: 503, error: null }))).toMatch(later);
    expect(errorMessage(new HttpErrorResponse({ status: 507, error: '' }))).toMatch(later);
    const error = { error: 'The database is unavailable, try again later', code: 'DATABASE_UNAVAILABLE' };
    expect(errorMessage(new HttpErrorResponse({ status: 503, error }))).toBe(error.error);
  });
});
