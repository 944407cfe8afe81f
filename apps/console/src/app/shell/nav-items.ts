export interface NavItem {
  path: string;
  /** Catalogue key. */
  label: string;
  icon: string;
  adminOnly: boolean;
  ownerOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', icon: 'forum', adminOnly: false },
  { path: '/files', label: 'nav.files', icon: 'folder', adminOnly: true },
  { path: '/deliveries', label: 'nav.deliveries', icon: 'outbox', adminOnly: true },
  { path: '/quarantine', label: 'nav.quarantine', icon: 'gpp_bad', adminOnly: true },
  { path: '/audit', label: 'nav.audit', icon: 'history', adminOnly: true },
  { path: '/retention', label: 'nav.retention', icon: 'auto_delete', adminOnly: true },
  { path: '/team', label: 'nav.team', icon: 'group', adminOnly: true },
  { path: '/outbox', label: 'nav.outbox', icon: 'mail', adminOnly: true, ownerOnly: true },
  { path: '/security', label: 'nav.security', icon: 'shield', adminOnly: false },
  { path: '/settings/install', label: 'nav.install', icon: 'code', adminOnly: true },
  { path: '/settings/appearance', label: 'nav.appearance', icon: 'palette', adminOnly: true },
  { path: '/settings/uploads', label: 'nav.uploads', icon: 'upload_file', adminOnly: true },
  { path: '/settings/groups', label: 'nav.groups', icon: 'group_work', adminOnly: true },
  { path: '/settings/s3', label: 'nav.s3', icon: 'cloud_upload', adminOnly: true },
  { path: '/settings/callback', label: 'nav.callback', icon: 'webhook', adminOnly: true },
  { path: '/settings/trust', label: 'nav.trust', icon: 'verified_user', adminOnly: true },
  { path: '/settings/chatbot', label: 'nav.chatbot', icon: 'smart_toy', adminOnly: true },
  { path: '/settings/inbox', label: 'nav.inboxSettings', icon: 'inbox', adminOnly: true },
];
