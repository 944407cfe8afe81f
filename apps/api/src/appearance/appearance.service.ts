import { Injectable } from '@nestjs/common';
import type { AppearanceSettings, WidgetConfig } from '@satchel/contracts';
import { contrastRatio, roundRatio } from '@satchel/domain';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AccountsRepository } from '../accounts/accounts.repository';
import { OriginGate } from '../accounts/origin-gate.service';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { SETTINGS_CACHE_MS, TtlCache } from '../common/cache/ttl-cache';
import { NotFoundError } from '../common/errors/domain-errors';
import { defaultRow, newIdentitySecret, type AppearanceRow } from './appearance.defaults';
import { AppearanceRepository } from './appearance.repository';
import { checkedBrand, checkedHours, optionalText, widgetAppearanceOf } from './appearance.rules';
import { avatarWebp } from './avatar-image';
import type { UpdateAppearanceDto } from './dto/appearance.dto';

const TEXT_FIELDS = ['launcherLabel', 'teamName', 'greeting', 'awayMessage'] as const;

/** Per-account widget appearance: admins edit it, every widget reads it (cached, versioned). */
@Injectable()
export class AppearanceService {
  private readonly cache = new TtlCache<AppearanceRow>(SETTINGS_CACHE_MS);

  constructor(
    private readonly repo: AppearanceRepository,
    private readonly accounts: AccountsRepository,
    private readonly origins: OriginGate,
    private readonly audit: AuditService,
  ) {}

  /** The row, made (with its identity secret) on an admin's first read. */
  async get(accountId: string): Promise<AppearanceSettings> {
    let row = await this.stored(accountId);
    if (!row.identitySecret) row = await this.save({ ...row, identitySecret: newIdentitySecret() });
    return this.toSettings(row);
  }

  async update(ctx: ActorContext, dto: UpdateAppearanceDto): Promise<AppearanceSettings> {
    const before = await this.stored(ctx.principal.accountId);
    const settings = { ...before.settings };
    if (dto.brandColor !== undefined) {
      checkedBrand(dto.brandColor);
      settings.brandColor = dto.brandColor.toLowerCase();
    }
    if (dto.position !== undefined) settings.position = dto.position;
    for (const f of TEXT_FIELDS) if (dto[f] !== undefined) settings[f] = optionalText(dto[f]);
    if (dto.businessHours !== undefined)
      settings.businessHours = dto.businessHours === null ? null : checkedHours(dto.businessHours);
    if (dto.preChatForm !== undefined) settings.preChatForm = dto.preChatForm;
    if (dto.defaultLocale !== undefined) settings.defaultLocale = dto.defaultLocale;
    const next = { ...before, settings, identityRequired: dto.identityRequired ?? before.identityRequired };
    const saved = await this.save(next);
    await this.record(ctx, AUDIT_ACTIONS.appearanceUpdate, { before: before.settings, after: settings });
    return this.toSettings(saved);
  }

  async setAvatar(ctx: ActorContext, dataUrl: string): Promise<AppearanceSettings> {
    const accountId = ctx.principal.accountId;
    const webp = await avatarWebp(dataUrl);
    const hash = createHash('sha256').update(webp).digest('hex').slice(0, 16);
    const key = `appearance/${accountId}/avatar-${hash}.webp`;
    await this.repo.writeAvatar(key, webp);
    const before = await this.stored(accountId);
    const saved = await this.save({ ...before, avatarKey: key });
    if (before.avatarKey && before.avatarKey !== key) await this.repo.deleteAvatar(before.avatarKey);
    await this.record(ctx, AUDIT_ACTIONS.appearanceUpdate, { avatar: 'set' });
    return this.toSettings(saved);
  }

  async removeAvatar(ctx: ActorContext): Promise<AppearanceSettings> {
    const before = await this.stored(ctx.principal.accountId);
    const saved = await this.save({ ...before, avatarKey: null });
    if (before.avatarKey) await this.repo.deleteAvatar(before.avatarKey);
    await this.record(ctx, AUDIT_ACTIONS.appearanceUpdate, { avatar: 'removed' });
    return this.toSettings(saved);
  }

  async rotateIdentitySecret(ctx: ActorContext): Promise<AppearanceSettings> {
    const before = await this.stored(ctx.principal.accountId);
    const saved = await this.save({ ...before, identitySecret: newIdentitySecret() });
    await this.record(ctx, AUDIT_ACTIONS.identitySecretRotate, {});
    return this.toSettings(saved);
  }

  /** What `identify()` is checked against. */
  async identity(accountId: string): Promise<{ required: boolean; secret: string }> {
    const row = await this.stored(accountId);
    return { required: row.identityRequired, secret: row.identitySecret };
  }

  /** The public config for a widget key (refused on origins the account does not allow). */
  async widgetConfig(widgetKey: string, origin: string | undefined): Promise<WidgetConfig> {
    const account = await this.accounts.findByWidgetKey(widgetKey);
    if (!account) throw new NotFoundError('Widget key', { field: 'widgetKey' });
    this.origins.assertAccount(account, origin);
    const row = await this.stored(account.id);
    return { version: row.version, appearance: widgetAppearanceOf(row.settings, account.id, row.avatarKey) };
  }

  /** The avatar bytes when `file` is the account's current avatar. */
  async avatar(accountId: string, file: string): Promise<Readable> {
    const row = await this.stored(accountId);
    if (!row.avatarKey || row.avatarKey !== `appearance/${accountId}/${file}`)
      throw new NotFoundError('Avatar');
    return this.repo.readAvatar(row.avatarKey);
  }

  private async save(row: AppearanceRow): Promise<AppearanceRow> {
    const next = {
      ...row,
      version: row.version + 1,
      identitySecret: row.identitySecret || newIdentitySecret(),
    };
    await this.repo.save(next);
    this.cache.delete(row.accountId);
    return next;
  }

  private stored(accountId: string): Promise<AppearanceRow> {
    return this.cache.get(accountId, async () => (await this.repo.find(accountId)) ?? defaultRow(accountId));
  }

  private record(ctx: ActorContext, action: AuditAction, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(ctx, { action, outcome: 'success', details }, true);
  }

  private toSettings(row: AppearanceRow): AppearanceSettings {
    const appearance = widgetAppearanceOf(row.settings, row.accountId, row.avatarKey);
    return {
      version: row.version,
      appearance,
      brandContrast: roundRatio(contrastRatio(appearance.brandColor, appearance.brandTextColor)),
      brandOnWhiteContrast: roundRatio(contrastRatio(appearance.brandColor, '#ffffff')),
      identity: { required: row.identityRequired, secret: row.identitySecret },
    };
  }
}
