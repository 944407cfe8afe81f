import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { IDENTITY_NOT_VERIFIED, type IdentifyVisitorResponse } from '@satchel/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { toChatDto } from '../chats/chat.mapper';
import { canAccessChat, type Principal } from '../common/auth/principal';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { EVENTS, type ChatUpdatedEvent } from '../common/events/events';
import { AppearanceRepository } from './appearance.repository';
import { AppearanceService } from './appearance.service';
import type { IdentifyVisitorDto } from './dto/appearance.dto';

/** `hash` must be the hex HMAC-SHA256 of `id` keyed with the account's identity secret. */
export function identityHashMatches(secret: string, id: string, hash: string | undefined): boolean {
  if (!secret || !hash || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = createHmac('sha256', secret).update(id).digest();
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}

/** The host page's `Satchel.identify(...)`: who the visitor is, recorded on their chat for operators. */
@Injectable()
export class VisitorIdentityService {
  constructor(
    private readonly repo: AppearanceRepository,
    private readonly appearance: AppearanceService,
    private readonly events: EventEmitter2,
  ) {}

  async identify(
    principal: Principal,
    chatId: string,
    dto: IdentifyVisitorDto,
  ): Promise<IdentifyVisitorResponse> {
    const chat = await this.repo.findChat(principal.accountId, chatId);
    if (!chat || principal.kind !== 'visitor' || !canAccessChat(principal, chat))
      throw new NotFoundError('Chat');
    const { required, secret } = await this.appearance.identity(principal.accountId);
    const verified = identityHashMatches(secret, dto.id, dto.hash);
    if (required && !verified)
      throw new ForbiddenError(
        'identify() needs a valid hash: HMAC-SHA256 of the id with the identity secret',
        {
          code: IDENTITY_NOT_VERIFIED,
        },
      );
    const updated = await this.repo.identifyVisitor(chat.id, {
      visitorName: dto.name?.trim() || chat.visitorName,
      visitorEmail: dto.email?.trim().toLowerCase() || chat.visitorEmail,
      visitorExternalId: dto.id,
      visitorVerified: verified,
    });
    this.events.emit(EVENTS.chatUpdated, {
      accountId: principal.accountId,
      chat: toChatDto(updated),
    } satisfies ChatUpdatedEvent);
    return { visitorName: updated.visitorName, visitorEmail: updated.visitorEmail, verified };
  }
}
