import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session.store';
import { provideTestI18n } from '../../testing/i18n';

describe('auth interceptor and session', () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem('satchel.console.token', 'tok_123');
    TestBed.configureTestingModule({
      providers: [
        provideTestI18n(),
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
  });

  it('sends the stored token as a Bearer header to the API only', async () => {
    const http = TestBed.inject(HttpClient);
    const ctrl = TestBed.inject(HttpTestingController);
    void firstValueFrom(http.get('/v1/users'));
    expect(ctrl.expectOne('/v1/users').request.headers.get('Authorization')).toBe('Bearer tok_123');
    void firstValueFrom(http.get('/console/favicon.svg'));
    expect(ctrl.expectOne('/console/favicon.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session on a 401 and sends the user to sign in with a return URL', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/team');
    const http = TestBed.inject(HttpClient);
    const done = firstValueFrom(http.get('/v1/users')).catch((e: unknown) => e);
    TestBed.inject(HttpTestingController)
      .expectOne('/v1/users')
      .flush({ error: 'Session expired' }, { status: 401, statusText: 'Unauthorized' });
    await done;
    await new Promise((r) => setTimeout(r));
    expect(localStorage.getItem('satchel.console.token')).toBeNull();
    expect(TestBed.inject(SessionStore).token()).toBeNull();
    expect(router.url).toBe('/login?expired=1&returnUrl=%2Fteam');
  });
});
