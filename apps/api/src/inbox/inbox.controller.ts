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
    @CurrentPrincipal() principal: Principal,
    @Query() query: InboxQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InboxChatDto[]> {
    // The body stays a plain array (older clients); the next window's cursor is a header.
    const page = await this.inbox.list(principal, query);
    if (page.nextCursor) res.setHeader(NEXT_CURSOR_HEADER, page.nextCursor);
    return page.items;
  }

  /** Chats per view (Mine, Unassigned, All open, Closed). */
  @Allow(...OPERATORS)
  @Get('counts')
  counts(@CurrentPrincipal() principal: Principal): Promise<InboxCounts> {
    return this.inbox.counts(principal);
  }

  /** Who can take a chat, online or away. */
  @Allow(...OPERATORS)
  @Get('operators')
  operators(@CurrentPrincipal() principal: Principal): Promise<OperatorPresenceDto[]> {
    return this.inbox.operators(principal);
  }

  /** The side panel: who the visitor is, where they write from, their earlier conversations. */
  @Allow(...OPERATORS)
  @Get(':chatId/visitor')
  visitor(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<VisitorProfileDto> {
    return this.inbox.visitor(principal, chatId);
  }

  @Allow(...OPERATORS)
  @Post(':chatId/read')
  @HttpCode(204)
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<void> {
    return this.inbox.markRead(principal, chatId);
  }
}
