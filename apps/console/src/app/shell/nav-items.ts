export interface NavItem {
  path: string;
  label: string;
  icon: string;
  adminOnly: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/inbox', label: 'Inbox', icon: 'forum', adminOnly: false },
  { path: '/files', label: 'Files', icon: 'folder', adminOnly: true },
  { path: '/deliveries', label: 'Deliveries', icon: 'outbox', adminOnly: true },
  { path: '/audit', label: 'Audit log', icon: 'history', adminOnly: true },
  { path: '/retention', label: 'Retention', icon: 'auto_delete', adminOnly: true },
  { path: '/team', label: 'Team', icon: 'group', adminOnly: true },
  { path: '/settings/install', label: 'Install', icon: 'code', adminOnly: true },
  { path: '/settings/uploads', label: 'File uploads', icon: 'upload_file', adminOnly: true },
  { path: '/settings/s3', label: 'AWS S3 export', icon: 'cloud_upload', adminOnly: true },
  { path: '/settings/callback', label: 'Callback', icon: 'webhook', adminOnly: true },
  { path: '/settings/chatbot', label: 'Chatbot', icon: 'smart_toy', adminOnly: true },
];
