import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginPage } from './login.page';
import { provideTestI18n } from '../../testing/i18n';

describe('LoginPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideTestI18n(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('asks for a valid email and a password before calling the server', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentInstance.form.setValue({ email: 'not-an-email', password: '' });
    await fixture.componentInstance.submit();
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent;
    expect(text).toContain('Enter a valid email address.');
    expect(text).toContain('Password is required.');
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows the server message when the credentials are refused', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentInstance.form.setValue({ email: 'a@b.co', password: 'wrong-password' });
    const done = fixture.componentInstance.submit();
    TestBed.inject(HttpTestingController)
      .expectOne('/v1/auth/login')
      .flush({ error: 'Invalid email or password' }, { status: 401, statusText: 'Unauthorized' });
    await done;
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain(
      'Invalid email or password',
    );
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
