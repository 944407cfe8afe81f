import type { MailKind } from './mail-texts';

/** One rendered email as queued: the job carries everything needed to send it. */
export interface MailMessage {
  kind: MailKind;
  accountId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Transient SMTP failures are retried: 5 tries, 5 s doubling. */
export const MAIL_JOB_ATTEMPTS = 5;
