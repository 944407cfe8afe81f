import { DOCUMENT } from '@angular/common';
import { inject, Injectable, OnDestroy, signal } from '@angular/core';
import { Router, TitleStrategy } from '@angular/router';
import type { ChatDto, MessageDto } from '@satchel/contracts';
import { TranslatedTitleStrategy } from '../i18n/title-strategy';
import { t } from '../i18n/translate';
import { chime } from './chime';

const MUTED_KEY = 'satchel:inbox:muted';
const BODY_CHARS = 140;

export type DesktopPermission = NotificationPermission | 'unsupported';

/** The text a notification shows for a message: its words, else its files' names. */
const bodyOf = (m: MessageDto): string =>
  (m.text || m.attachments.map((a) => a.name).join(', ')).slice(0, BODY_CHARS);

/**
 * What tells an operator about news while they look elsewhere: a chime (mutable, remembered), a
 * desktop notification (once allowed from a button) and the unread count in the tab title.
 */
@Injectable()
export class InboxNotifications implements OnDestroy {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly title = inject(TitleStrategy);
  readonly muted = signal(this.storedMute());
  readonly permission = signal<DesktopPermission>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  toggleMute(): void {
    const muted = !this.muted();
    this.muted.set(muted);
    try {
      localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
    } catch {
      // Storage blocked: the choice holds for this page.
    }
  }

  /** Asks the browser once (from the operator's click). */
  async askPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    this.permission.set(await Notification.requestPermission());
  }

  /** The count in the tab title ("(3) Inbox · Satchel"). */
  setUnread(n: number): void {
    if (this.title instanceof TranslatedTitleStrategy) this.title.badge.set(n);
  }

  /** A visitor wrote in a chat that concerns this operator, while it was not in front of them. */
  alert(chat: ChatDto | undefined, m: MessageDto, isNewChat: boolean): void {
    if (!this.muted()) chime();
    if (this.permission() !== 'granted') return;
    const name = chat?.visitorName ?? m.author.name;
    const n = new Notification(isNewChat ? t('notify.newChat', { name }) : t('notify.newMessage', { name }), {
      body: bodyOf(m),
      tag: m.chatId,
    });
    n.onclick = () => {
      this.document.defaultView?.focus();
      void this.router.navigate(['/inbox', m.chatId]);
      n.close();
    };
  }

  ngOnDestroy(): void {
    this.setUnread(0);
  }

  private storedMute(): boolean {
    try {
      return localStorage.getItem(MUTED_KEY) === '1';
    } catch {
      return false;
    }
  }
}
