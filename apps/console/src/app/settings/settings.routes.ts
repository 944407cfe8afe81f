import { Route } from '@angular/router';
import { confirmLeaveUnsaved } from '../core/unsaved-changes';

export const SETTINGS_ROUTES: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'uploads' },
  {
    path: 'uploads',
    title: 'File uploads · Satchel',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./uploads/uploads-settings.page').then((m) => m.UploadsSettingsPage),
  },
  {
    path: 'groups',
    title: 'Upload groups · Satchel',
    loadComponent: () => import('./groups/upload-groups.page').then((m) => m.UploadGroupsPage),
  },
  {
    path: 's3',
    title: 'AWS S3 export · Satchel',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./s3/s3-export.page').then((m) => m.S3ExportPage),
  },
  {
    path: 'callback',
    title: 'Callback · Satchel',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./callback/callback.page').then((m) => m.CallbackPage),
  },
  {
    path: 'install',
    title: 'Install · Satchel',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('./install/install.page').then((m) => m.InstallPage),
  },
  {
    path: 'chatbot',
    title: 'Chatbot · Satchel',
    canDeactivate: [confirmLeaveUnsaved],
    loadComponent: () => import('../chatbot/chatbot-settings.page').then((m) => m.ChatbotSettingsPage),
  },
];
