import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationPrefsDto, TeamSettingsDto } from '@satchel/contracts';
import { DataSource } from 'typeorm';

const DEFAULTS: TeamSettingsDto = { locale: 'en', requireTotp: false, transcriptEmails: false };

/** Per-account team settings and per-user notification preferences (rows appear on first change). */
@Injectable()
export class TeamSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(accountId: string): Promise<TeamSettingsDto> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT locale, require_totp, transcript_emails FROM team_settings WHERE account_id = $1`,
      [accountId],
    );
    const row = rows[0];
    if (!row) return { ...DEFAULTS };
    return {
      locale: row['locale'] as string,
      requireTotp: row['require_totp'] as boolean,
      transcriptEmails: row['transcript_emails'] as boolean,
    };
  }

  async save(accountId: string, settings: TeamSettingsDto): Promise<void> {
    await this.db.query(
      `INSERT INTO team_settings (account_id, locale, require_totp, transcript_emails) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET locale = $2, require_totp = $3, transcript_emails = $4`,
      [accountId, settings.locale, settings.requireTotp, settings.transcriptEmails],
    );
  }

  async prefs(userId: string): Promise<NotificationPrefsDto> {
    const rows = await this.db.query<{ email_enabled: boolean }[]>(
      `SELECT email_enabled FROM notification_prefs WHERE user_id = $1`,
      [userId],
    );
    return { emailWhenOffline: rows[0]?.email_enabled ?? true };
  }

  async savePrefs(userId: string, prefs: NotificationPrefsDto): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_prefs (user_id, email_enabled) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_enabled = $2`,
      [userId, prefs.emailWhenOffline],
    );
  }
}
