import { inject } from '@angular/core';
import { CanMatchFn, RedirectFunction, Router } from '@angular/router';
import { SessionStore } from './session.store';

export const authGuard: CanMatchFn = async (_route, segments) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (await session.ensureLoaded()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return router.createUrlTree(['/login'], { queryParams: returnUrl === '/' ? {} : { returnUrl } });
};

/** Settings, files, deliveries, audit and team are for admins; operators land in the inbox. */
export const adminGuard: CanMatchFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.ensureLoaded();
  return session.isAdmin() ? true : router.createUrlTree(['/inbox']);
};

/** The email outbox is the platform owner's. */
export const ownerGuard: CanMatchFn = async () => {
  const session = inject(SessionStore);
  await session.ensureLoaded();
  return session.role() === 'owner' ? true : inject(Router).createUrlTree(['/']);
};

export const homeRedirect: RedirectFunction = () => (inject(SessionStore).isAdmin() ? '/files' : '/inbox');
