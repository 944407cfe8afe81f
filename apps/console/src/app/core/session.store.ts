import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, LoginResponse, MeResponse } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';

const TOKEN_KEY = 'satchel.console.token';

/** The signed-in person: token (kept in localStorage), who they are, and what they may see. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly tokenSig = signal<string | null>(localStorage.getItem(TOKEN_KEY));
  private readonly meSig = signal<MeResponse | null>(null);
  private loading: Promise<MeResponse | null> | null = null;

  readonly token = this.tokenSig.asReadonly();
  readonly me = this.meSig.asReadonly();
  readonly role = computed(() => this.meSig()?.role ?? null);
  readonly isAdmin = computed(() => this.role() === 'owner' || this.role() === 'admin');
  /** The account requires two-factor sign-in and this person has not set it up (the console sends them to Security). */
  readonly totpEnrolmentRequired = signal(false);
  readonly displayName = computed(() => this.meSig()?.user?.name ?? this.meSig()?.user?.email ?? '');

  async login(body: LoginRequest): Promise<MeResponse> {
    const res = await firstValueFrom(this.http.post<LoginResponse>('/v1/auth/login', body));
    this.setToken(res.token);
    this.totpEnrolmentRequired.set(res.totpEnrolmentRequired === true);
    this.loading = null;
    const me = await this.ensureLoaded();
    if (!me) throw new Error('Signed in, but the session could not be loaded. Try again.');
    return me;
  }

  /** Loads `me` once per token; resolves null when there is no valid session. */
  ensureLoaded(): Promise<MeResponse | null> {
    if (!this.tokenSig()) return Promise.resolve(null);
    if (this.meSig()) return Promise.resolve(this.meSig());
    this.loading ??= firstValueFrom(this.http.get<MeResponse>('/v1/auth/me')).then(
      (me) => {
        this.meSig.set(me);
        return me;
      },
      () => {
        this.clear();
        return null;
      },
    );
    return this.loading;
  }

  async logout(): Promise<void> {
    try {
      if (this.tokenSig()) await firstValueFrom(this.http.post('/v1/auth/logout', {}));
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    this.clear();
    await this.router.navigate(['/login']);
  }

  /** The server said 401: the session expired or was revoked. */
  expire(): void {
    if (!this.tokenSig()) return;
    const returnUrl = this.router.url.startsWith('/login') ? undefined : this.router.url;
    this.clear();
    void this.router.navigate(['/login'], { queryParams: { expired: 1, returnUrl } });
  }

  private setToken(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
    this.tokenSig.set(token);
    this.meSig.set(null);
  }

  private clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    this.tokenSig.set(null);
    this.meSig.set(null);
    this.loading = null;
  }
}
