import { Route } from '@angular/router';
import { ChatView } from './chat-view';
import { InboxPage } from './inbox.page';

export const INBOX_ROUTES: Route[] = [
  {
    path: '',
    title: 'Inbox · Satchel',
    component: InboxPage,
    children: [{ path: ':chatId', component: ChatView }],
  },
];
