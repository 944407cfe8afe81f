import { HttpErrorResponse } from '@angular/common/http';
import { errorMessage } from './api-error';

describe('errorMessage', () => {
  it('says to try again later when a service is down or storage is full', () => {
    const later = /unavailable\. Try again later\./;
    expect(errorMessage(new HttpErrorResponse({ status: 503, error: null }))).toMatch(later);
    expect(errorMessage(new HttpErrorResponse({ status: 507, error: '' }))).toMatch(later);
  });

  it('keeps the server reason, which names the dependency and when to retry', () => {
    const error = { error: 'The database is unavailable, try again later', code: 'DATABASE_UNAVAILABLE' };
    expect(errorMessage(new HttpErrorResponse({ status: 503, error }))).toBe(error.error);
  });
});
