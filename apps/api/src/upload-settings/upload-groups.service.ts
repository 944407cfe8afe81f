import { Injectable } from '@nestjs/common';
import type { UploadGroupDto } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-errors';
import type { CreateUploadGroupDto, UpdateUploadGroupDto } from './dto/upload-group.dto';
import { PlatformUploadSettingsService } from './platform-upload-settings.service';
import type { UploadGroupEntity } from './upload-group.entity';
import { UploadGroupsRepository } from './upload-groups.repository';
import { validTypes } from './valid-types';

/** Admins' upload groups: operator groups (Billing, Design…) and the verified-visitor group. */
@Injectable()
export class UploadGroupsService {
  constructor(
    private readonly groups: UploadGroupsRepository,
    private readonly platform: PlatformUploadSettingsService,
    private readonly audit: AuditService,
  ) {}

  async list(accountId: string): Promise<UploadGroupDto[]> {
    return (await this.groups.list(accountId)).map((g) => toDto(g, g.memberIds));
  }

  async create(ctx: ActorContext, dto: CreateUploadGroupDto): Promise<UploadGroupDto> {
    const accountId = ctx.principal.accountId;
    const kind = dto.kind ?? 'operator';
    await this.refuseClash(accountId, dto.name.trim(), kind, null);
    const row = await this.groups
      .insert({
        accountId,
        name: dto.name.trim(),
        kind,
        enabled: dto.enabled,
        allowedTypes: validTypes(dto.allowedTypes, 'allowedTypes'),
        maxSizeKb: await this.validSize(dto.maxSizeKb),
      })
      .catch(conflictOnDuplicate);
    await this.record(ctx, 'create', row);
    return toDto(row, []);
  }

  async update(ctx: ActorContext, id: string, dto: UpdateUploadGroupDto): Promise<UploadGroupDto> {
    const row = await this.found(ctx.principal.accountId, id);
    if (dto.name !== undefined) row.name = dto.name.trim();
    if (dto.enabled !== undefined) row.enabled = dto.enabled;
    if (dto.allowedTypes !== undefined) row.allowedTypes = validTypes(dto.allowedTypes, 'allowedTypes');
    if (dto.maxSizeKb !== undefined) row.maxSizeKb = await this.validSize(dto.maxSizeKb);
    await this.refuseClash(row.accountId, row.name, row.kind, row.id);
    await this.groups.update(row).catch(conflictOnDuplicate);
    await this.record(ctx, 'update', row);
    return this.one(ctx.principal.accountId, id);
  }

  async remove(ctx: ActorContext, id: string): Promise<void> {
    const row = await this.found(ctx.principal.accountId, id);
    await this.groups.delete(row.accountId, id);
    await this.record(ctx, 'delete', row);
  }

  async setMembers(ctx: ActorContext, id: string, userIds: string[]): Promise<UploadGroupDto> {
    const row = await this.found(ctx.principal.accountId, id);
    if (row.kind === 'verified_visitor')
      throw new ValidationError('The verified-visitor group has every verified visitor as member', 'userIds');
    const unique = [...new Set(userIds)];
    if (!(await this.groups.setMembers(row, unique)))
      throw new ValidationError('userIds must be people of this account', 'userIds');
    await this.record(ctx, 'members', row, { userIds: unique });
    return this.one(ctx.principal.accountId, id);
  }

  /** Checked first so the common case needs no failed insert; the unique indexes still catch a race. */
  private async refuseClash(accountId: string, name: string, kind: string, exceptId: string | null) {
    if (await this.groups.clashes(accountId, name, kind, exceptId)) conflictOnDuplicate({ code: '23505' });
  }

  private async one(accountId: string, id: string): Promise<UploadGroupDto> {
    const group = (await this.groups.list(accountId)).find((x) => x.id === id);
    if (!group) throw new NotFoundError('Group');
    return toDto(group, group.memberIds);
  }

  private async found(accountId: string, id: string): Promise<UploadGroupEntity> {
    const row = await this.groups.find(accountId, id);
    if (!row) throw new NotFoundError('Group');
    return row;
  }

  private async validSize(kb: number): Promise<number> {
    const ceiling = (await this.platform.get()).ceiling.maxSizeKb;
    if (kb > ceiling)
      throw new ValidationError(`maxSizeKb must be at most ${ceiling} (the platform limit)`, 'maxSizeKb');
    return kb;
  }

  private record(
    ctx: ActorContext,
    change: string,
    group: UploadGroupEntity,
    extra: object = {},
  ): Promise<void> {
    return this.audit.record(
      ctx,
      {
        action: AUDIT_ACTIONS.settingsUpdate,
        outcome: 'success',
        details: { uploadGroup: { change, id: group.id, name: group.name, ...extra } },
      },
      true,
    );
  }
}

function conflictOnDuplicate(err: unknown): never {
  const code =
    (err as { code?: string; driverError?: { code?: string } }).driverError?.code ??
    (err as { code?: string }).code;
  if (code === '23505')
    throw new ConflictError('A group with this name (or a second verified-visitor group) already exists', {
      code: 'GROUP_EXISTS',
    });
  throw err;
}

function toDto(group: UploadGroupEntity, memberIds: string[]): UploadGroupDto {
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    enabled: group.enabled,
    allowedTypes: group.allowedTypes,
    maxSizeKb: group.maxSizeKb,
    memberIds,
    createdAt: group.createdAt.toISOString(),
  };
}
