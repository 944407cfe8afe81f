import { inject } from '@angular/core';
import { CanActivateFn, Route, Router } from '@angular/router';
import { ChatFilesTab } from './chat-files-tab';
import { ChatView } from './chat-view';
import { InboxPage } from './inbox.page';

/** Old links (`/inbox?chat=<id>`) open that chat. */
export const chatQueryLink: CanActivateFn = (route) => {
  const chat = route.queryParamMap.get('chat');
  return chat ? inject(Router).createUrlTree(['/inbox', chat]) : true;
};

export const INBOX_ROUTES: Route[] = [
  {
    path: '',
    title: 'nav.inbox',
    component: InboxPage,
    children: [
      { path: '', pathMatch: 'full', canActivate: [chatQueryLink], children: [] },
      { path: ':chatId', component: ChatView },
      { path: ':chatId/files', component: ChatFilesTab },
    ],
  },
];
