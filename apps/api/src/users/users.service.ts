import { Inject, Injectable } from '@nestjs/common';
import type { UserDto } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ConflictError, NotFoundError } from '../common/errors/domain-errors';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { checkUserChange, checkUserCreate, enforce, policyActorOf } from './user-change-policy';
import type { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';
import { USER_SESSIONS, type UserSessionsPort } from './user-sessions.port';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(USER_SESSIONS) private readonly tokens: UserSessionsPort,
    private readonly passwordHasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async list(accountId: string): Promise<UserDto[]> {
    return (await this.users.listByAccount(accountId)).map(toUserDto);
  }

  async get(accountId: string, id: string): Promise<UserDto> {
    return toUserDto(await this.find(accountId, id));
  }

  async create(actor: Principal, dto: CreateUserDto, ip: string | null = null): Promise<UserDto> {
    enforce(checkUserCreate(policyActorOf(actor), actor.accountId, dto.role));
    if (await this.users.emailTaken(dto.email))
      throw new ConflictError(`A user with email ${dto.email} already exists`, {
        field: 'email',
        code: 'EMAIL_TAKEN',
      });
    const user = await this.users.create({
      accountId: actor.accountId,
      email: dto.email,
      name: dto.name,
      role: dto.role,
      active: true,
      passwordHash: await this.passwordHasher.hash(dto.password),
    });
    await this.audit.record(
      { principal: actor, ip },
      {
        action: AUDIT_ACTIONS.userCreate,
        outcome: 'success',
        details: { userId: user.id, email: user.email, name: user.name, role: user.role },
      },
      true,
    );
    return toUserDto(user);
  }

  /** Every field is checked by the user-change policy before anything is written. */
  async update(actor: Principal, id: string, dto: UpdateUserDto, ip: string | null = null): Promise<UserDto> {
    const user = await this.find(actor.accountId, id);
    const activeOwners = await this.users.countActiveOwners();
    enforce(checkUserChange(policyActorOf(actor), user, dto, activeOwners));
    if (dto.email !== undefined && (await this.users.emailTakenByOther(dto.email, id)))
      throw new ConflictError(`A user with email ${dto.email} already exists`, {
        field: 'email',
        code: 'EMAIL_TAKEN',
      });
    const patch: Partial<UserEntity> = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.email !== undefined) patch.email = dto.email;
    if (dto.role !== undefined) patch.role = dto.role;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.password !== undefined) patch.passwordHash = await this.passwordHasher.hash(dto.password);
    if (Object.keys(patch).length) await this.users.update(id, patch);
    if (dto.active === false || dto.password !== undefined) await this.tokens.revokeUserSessions(id);
    if (dto.role !== undefined && dto.role !== user.role)
      await this.audit.record(
        { principal: actor, ip },
        {
          action: AUDIT_ACTIONS.userRoleChange,
          outcome: 'success',
          details: { userId: id, email: user.email, name: user.name, from: user.role, to: dto.role },
        },
        true,
      );
    return this.get(actor.accountId, id);
  }

  /**
   * Removes a person: allowed when deactivating them would be (rank, self-lockout, last owner).
   * Their sessions end and sockets close at once; their messages keep the author name they were
   * written with; audit events keep their id and name.
   */
  async remove(actor: Principal, id: string, ip: string | null): Promise<void> {
    const user = await this.find(actor.accountId, id);
    const activeOwners = await this.users.countActiveOwners();
    enforce(checkUserChange(policyActorOf(actor), user, { active: false }, activeOwners));
    await this.users.update(id, { active: false });
    await this.tokens.revokeUserSessions(id);
    await this.users.delete(id);
    await this.audit.record(
      { principal: actor, ip },
      {
        action: AUDIT_ACTIONS.userRemove,
        outcome: 'success',
        details: { userId: id, email: user.email, name: user.name, role: user.role },
      },
      true,
    );
  }

  private async find(accountId: string, id: string): Promise<UserEntity> {
    const user = await this.users.findInAccount(accountId, id);
    if (!user) throw new NotFoundError('User');
    return user;
  }
}
