import { Route } from '@angular/router';
import { confirmLeaveUnsaved } from '../core/unsaved-changes';

export const SETTINGS_ROUTES: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'uploads' },
  {
    path: 'uploads',
    title: 'nav.uploads',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./uploads/uploads-settings.page').then((m) => m.UploadsSettingsPage),
  },
  {
    path: 'groups',
    title: 'nav.groups',
    loadComponent: () => import('./groups/upload-groups.page').then((m) => m.UploadGroupsPage),
  },
  {
    path: 's3',
    title: 'nav.s3',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./s3/s3-export.page').then((m) => m.S3ExportPage),
  },
  {
    path: 'callback',
    title: 'nav.callback',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./callback/callback.page').then((m) => m.CallbackPage),
  },
  {
    path: 'install',
    title: 'nav.install',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./install/install.page').then((m) => m.InstallPage),
  },
  {
    path: 'appearance',
    title: 'nav.appearance',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./appearance/appearance.page').then((m) => m.AppearancePage),
  },
  {
    path: 'trust',
    title: 'nav.trust',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('../trust/trust-settings.page').then((m) => m.TrustSettingsPage),
  },
  {
    path: 'inbox',
    title: 'nav.inboxSettings',
    loadComponent: () => import('./inbox/inbox-settings.page').then((m) => m.InboxSettingsPage),
  },
  {
    path: 'chatbot',
    title: 'nav.chatbot',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('../chatbot/chatbot-settings.page').then((m) => m.ChatbotSettingsPage),
  },
];
