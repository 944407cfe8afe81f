import { Route } from '@angular/router';
import { adminGuard, authGuard, homeRedirect, ownerGuard } from './core/guards';

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
    path: 'retention',
    title: 'nav.retention',
    loadComponent: () => import('./retention/retention.page').then((m) => m.RetentionPage),
  },
  {
    path: 'team',
    title: 'nav.team',
    loadComponent: () => import('./team/team.page').then((m) => m.TeamPage),
  },
  {
    path: 'outbox',
    title: 'nav.outbox',
    canMatch: [ownerGuard],
    loadComponent: () => import('./account/outbox.page').then((m) => m.OutboxPage),
  },
  {
    path: 'quarantine',
    title: 'nav.quarantine',
    loadComponent: () => import('./trust/quarantine.page').then((m) => m.QuarantinePage),
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
    path: 'forgot-password',
    title: 'nav.forgotPassword',
    loadComponent: () => import('./account/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'nav.newPassword',
    loadComponent: () => import('./account/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'invitation',
    title: 'nav.invitation',
    loadComponent: () => import('./account/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'security',
        title: 'nav.security',
        loadComponent: () => import('./account/security.page').then((m) => m.SecurityPage),
      },
      { path: 'inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.INBOX_ROUTES) },
      { path: '', canMatch: [adminGuard], children: adminPages },
    ],
  },
  { path: '**', redirectTo: '' },
];
