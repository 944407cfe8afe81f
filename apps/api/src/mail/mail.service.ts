import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MailJobsRepository } from './mail-jobs.repository';
import { renderMail, type MailContent } from './mail-templates';
import type { MailKind } from './mail-texts';
import { TeamSettingsRepository } from './team-settings.repository';

/** Renders an email in the account's language and queues it (SMTP or the outbox decides the worker). */
@Injectable()
export class MailService {
  constructor(
    private readonly jobs: MailJobsRepository,
    private readonly settings: TeamSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(kind: MailKind, accountId: string | null, to: string, content: MailContent): Promise<void> {
    const locale = accountId ? (await this.settings.get(accountId)).locale : 'en';
    const rendered = renderMail(kind, locale, content);
    await this.jobs.enqueue({ kind, accountId, to, ...rendered });
  }

  /** An absolute link into the console, e.g. `consoleLink('reset-password', {token})`. */
  consoleLink(path: string, query: Record<string, string> = {}): string {
    const qs = new URLSearchParams(query).toString();
    return `${this.config.http.publicUrl}/console/${path}${qs ? `?${qs}` : ''}`;
  }

  get usesSmtp(): boolean {
    return Boolean(this.config.mail.smtpUrl);
  }
}
