import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NEXT_CURSOR_HEADER } from '../common/pagination/keyset-cursor';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChatDto, ConnectionStringResponse, MessageDto, Page } from '@satchel/contracts';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ConnectionStringsService } from '../realtime/connection-strings.service';
import { ChatsService } from './chats.service';
import { ChatListQueryDto, CreateChatDto, MessageListQueryDto, SendMessageDto } from './dto/chat.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { ClientIp } from '../common/http/client-ip';
import { AssignChatDto } from './dto/assign-chat.dto';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

@ApiTags('chats')
@ApiBearerAuth()
@Controller('v1/chats')
export class ChatsController {
  constructor(
    private readonly chats: ChatsService,
    private readonly connections: ConnectionStringsService,
  ) {}

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateChatDto): Promise<ChatDto> {
    return this.chats.create(principal, dto.visitorName);
  }

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ChatListQueryDto): Promise<Page<ChatDto>> {
    return this.chats.list(principal, query);
  }

  @Allow(...PARTICIPANTS)
  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ChatDto> {
    return this.chats.get(principal, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChatDto> {
    return this.chats.close({ principal, ip }, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChatDto> {
    return this.chats.reopen({ principal, ip }, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignChatDto,
  ): Promise<ChatDto> {
    return this.chats.assign({ principal, ip }, id, dto.userId);
  }

  @Allow(...PARTICIPANTS)
  @Get(':id/messages')
  async messages(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MessageListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto[]> {
    // The body stays a plain array (older clients); the cursor of the older messages is a header.
    const page = await this.chats.listMessages(principal, id, query);
    if (page.nextCursor) res.setHeader(NEXT_CURSOR_HEADER, page.nextCursor);
    return page.items;
  }

  @Allow(...PARTICIPANTS)
  @Post(':id/messages')
  @RateLimit('message_sender', 'message_chat')
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SendMessageDto,
  ): Promise<MessageDto> {
    return this.chats.send(principal, id, dto);
  }

  /** Seed 004: a signed, expiring connection string for the Socket.IO handshake. */
  @Allow(...PARTICIPANTS)
  @Post(':id/connection')
  @RateLimit('connection')
  async connection(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConnectionStringResponse> {
    await this.chats.accessibleChat(principal, id);
    return this.connections.issue(principal, id);
  }
}
