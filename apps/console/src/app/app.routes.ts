import { Route } from '@angular/router';
import { adminGuard, authGuard, homeRedirect } from './core/guards';

const adminPages: Route[] = [
  {
    path: 'files',
    title: 'Files · Satchel',
    loadComponent: () => import('./files/files.page').then((m) => m.FilesPage),
  },
  {
    path: 'deliveries',
    title: 'Deliveries · Satchel',
    loadComponent: () => import('./deliveries/deliveries.page').then((m) => m.DeliveriesPage),
  },
  {
    path: 'audit',
    title: 'Audit log · Satchel',
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'retention',
    title: 'Retention · Satchel',
    loadComponent: () => import('./retention/retention.page').then((m) => m.RetentionPage),
  },
  {
    path: 'team',
    title: 'Team · Satchel',
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
    title: 'Sign in · Satchel',
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
