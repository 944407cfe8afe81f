import { Inject, Injectable } from '@nestjs/common';
import type { InvitationDto, InvitationPreview, UserDto } from '@satchel/contracts';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { newSecret, sha256Hex } from '../common/crypto/hashing';
import { ConflictError, GoneError, NotFoundError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MailService } from '../mail/mail.service';
import { PasswordHasher } from '../users/password-hasher';
import { checkUserCreate, enforce, policyActorOf } from '../users/user-change-policy';
import { toUserDto } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import type { AcceptInvitationDto, CreateInvitationDto } from './dto/team.dto';
import { toInvitationDto, unusableReason } from './invitation.mapper';
import { InvitationsRepository, type InvitationRow } from './invitations.repository';

/** Invitations by email: the link lets the invitee choose a name and password; it expires and works once. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly rows: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, dto: CreateInvitationDto, ip: string | null): Promise<InvitationDto> {
    enforce(checkUserCreate(policyActorOf(principal), principal.accountId, dto.role));
    if (await this.users.emailTaken(dto.email))
      throw new ConflictError(`A user with email ${dto.email} already exists`, { field: 'email' });
    await this.rows.revokePendingFor(principal.accountId, dto.email);
    const token = newSecret('inv');
    const row = await this.rows.create(
      {
        accountId: principal.accountId,
        email: dto.email,
        role: dto.role,
        groups: dto.groups ?? [],
        invitedBy: principal.name,
        expiresAt: this.expiry(),
      },
      sha256Hex(token),
    );
    await this.sendLink(row, token);
    await this.record(principal, ip, AUDIT_ACTIONS.invitationCreate, row);
    return toInvitationDto(row);
  }

  async list(principal: Principal): Promise<InvitationDto[]> {
    return (await this.rows.list(principal.accountId)).map(toInvitationDto);
  }

  async resend(principal: Principal, id: string, ip: string | null): Promise<InvitationDto> {
    const row = await this.find(principal, id);
    enforce(checkUserCreate(policyActorOf(principal), principal.accountId, row.role));
    if (row.acceptedAt || row.revokedAt)
      throw new ConflictError('This invitation was already used or revoked', { code: 'INVITATION_CLOSED' });
    const token = newSecret('inv');
    const renewed = { ...row, expiresAt: this.expiry() };
    await this.rows.renew(row.id, sha256Hex(token), renewed.expiresAt);
    await this.sendLink(renewed, token);
    await this.record(principal, ip, AUDIT_ACTIONS.invitationResend, row);
    return toInvitationDto(renewed);
  }

  async revoke(principal: Principal, id: string, ip: string | null): Promise<void> {
    const row = await this.find(principal, id);
    enforce(checkUserCreate(policyActorOf(principal), principal.accountId, row.role));
    await this.rows.revoke(row.id);
    await this.record(principal, ip, AUDIT_ACTIONS.invitationRevoke, row);
  }

  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.usable(token);
    return {
      email: row.email,
      role: row.role,
      accountName: await this.rows.accountName(row.accountId),
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  /** Creates the user with the invited role, in the same transaction that uses up the invitation. */
  async accept(token: string, dto: AcceptInvitationDto, ip: string | null): Promise<UserDto> {
    await this.usable(token);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.rows.transaction(async () => {
      const row = await this.rows.claim(sha256Hex(token));
      if (!row) throw new GoneError('This invitation can no longer be used', { code: 'INVITATION_USED' });
      if (await this.users.emailTaken(row.email))
        throw new ConflictError(`A user with email ${row.email} already exists`, { field: 'email' });
      const created = await this.users.create({
        accountId: row.accountId,
        email: row.email,
        name: dto.name,
        role: row.role,
        active: true,
        passwordHash,
      });
      return created;
    });
    await this.audit.record(
      { principal: null, accountId: user.accountId, ip },
      {
        action: AUDIT_ACTIONS.invitationAccept,
        outcome: 'success',
        details: { email: user.email, role: user.role },
      },
      true,
    );
    return toUserDto(user);
  }

  /** The invitation behind a link, or 404 (unknown) / 410 with the reason (expired, revoked, used). */
  private async usable(token: string): Promise<InvitationRow> {
    const row = await this.rows.findByToken(sha256Hex(token));
    if (!row) throw new NotFoundError('Invitation');
    const reason = unusableReason(row);
    if (reason)
      throw new GoneError(`This invitation was ${reason}`, { code: `INVITATION_${reason.toUpperCase()}` });
    return row;
  }

  private async find(principal: Principal, id: string): Promise<InvitationRow> {
    const row = await this.rows.findInAccount(principal.accountId, id);
    if (!row) throw new NotFoundError('Invitation');
    return row;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.mail.invitationTtlHours * 3600_000);
  }

  private async sendLink(row: InvitationRow, token: string): Promise<void> {
    await this.mail.send('invitation', row.accountId, row.email, {
      vars: {
        account: await this.rows.accountName(row.accountId),
        inviter: row.invitedBy,
        role: row.role,
        hours: this.config.mail.invitationTtlHours,
      },
      link: this.mail.consoleLink('invitation', { token }),
    });
  }

  private record(
    principal: Principal,
    ip: string | null,
    action: (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS],
    row: InvitationRow,
  ) {
    return this.audit.record(
      { principal, ip },
      { action, outcome: 'success', details: { invitationId: row.id, email: row.email, role: row.role } },
      true,
    );
  }
}
