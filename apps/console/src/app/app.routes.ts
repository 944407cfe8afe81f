import { Route } from '@angular/router';
import { adminGuard, authGuard, homeRedirect } from './core/guards';

const adminPages: Route[] = [
  {
    path: 'files',
    title: 'nav.files',
    loadComponent: () => import('./files/files.page').then((m) => m.FilesPage),
  },
  {
    path: 'deliveries',
    title: 'nav.deliveries',
    loadComponent: () => import('./deliveries/deliveries.page').then((m) => m.DeliveriesPage),
  },
  {
    path: 'audit',
    title: 'nav.audit',
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'team',
    title: 'nav.team',
    loadComponent: () => import('./team/team.page').then((m) => m.TeamPage),
  },
  {
    path: 'settings',
    loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
  },
];

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.submit',
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      { path: 'inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.INBOX_ROUTES) },
      { path: '', canMatch: [adminGuard], children: adminPages },
    ],
  },
  { path: '**', redirectTo: '' },
];
