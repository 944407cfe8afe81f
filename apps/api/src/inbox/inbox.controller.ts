import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NEXT_CURSOR_HEADER } from '../common/pagination/keyset-cursor';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InboxChatDto, InboxCounts, OperatorPresenceDto, VisitorProfileDto } from '@satchel/contracts';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { InboxService } from './inbox.service';

const OPERATORS = ['owner', 'admin', 'operator'] as const;

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Allow(...OPERATORS)
  @Get()
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() q: InboxQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InboxChatDto[]> {
    // The body stays a plain array (older clients); the next window's cursor is a header.
    const page = await this.inbox.list(p, q);
    if (page.nextCursor) res.setHeader(NEXT_CURSOR_HEADER, page.nextCursor);
    return page.items;
  }

  /** Chats per view (Mine, Unassigned, All open, Closed). */
  @Allow(...OPERATORS)
  @Get('counts')
  counts(@CurrentPrincipal() p: Principal): Promise<InboxCounts> {
    return this.inbox.counts(p);
  }

  /** Who can take a chat, online or away. */
  @Allow(...OPERATORS)
  @Get('operators')
  operators(@CurrentPrincipal() p: Principal): Promise<OperatorPresenceDto[]> {
    return this.inbox.operators(p);
  }

  /** The side panel: who the visitor is, where they write from, their earlier conversations. */
  @Allow(...OPERATORS)
  @Get(':chatId/visitor')
  visitor(
    @CurrentPrincipal() p: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<VisitorProfileDto> {
    return this.inbox.visitor(p, chatId);
  }

  @Allow(...OPERATORS)
  @Post(':chatId/read')
  @HttpCode(204)
  read(@CurrentPrincipal() p: Principal, @Param('chatId', ParseUUIDPipe) chatId: string): Promise<void> {
    return this.inbox.markRead(p, chatId);
  }
}
