import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTestI18n } from '../../testing/i18n';
import { LoginPage } from './login.page';

describe('LoginPage two-factor step', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('asks for the code when the server answers TOTP_REQUIRED, then sends it with the password', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    const page = fixture.componentInstance;
    const http = TestBed.inject(HttpTestingController);
    page.form.setValue({ email: 'a@b.co', password: 'right-password' });
    const first = page.submit();
    http
      .expectOne('/v1/auth/login')
      .flush({ error: 'Enter the code', code: 'TOTP_REQUIRED' }, { status: 401, statusText: 'Unauthorized' });
    await first;
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Two-factor code');
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')).toBeNull();

    page.totpCode.setValue(' 123456 ');
    const second = page.submit();
    const req = http.expectOne('/v1/auth/login');
    expect(req.request.body).toEqual({ email: 'a@b.co', password: 'right-password', totpCode: '123456' });
    req.flush(
      { error: 'That two-factor code is not valid', code: 'TOTP_INVALID' },
      { status: 401, statusText: 'x' },
    );
    await second;
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain(
      'That two-factor code is not valid',
    );
  });
});
