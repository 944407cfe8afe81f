import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FileRequestDto } from '@satchel/contracts';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { CreateFileRequestDto } from './dto/chatbot.dto';
import { FileRequestsService } from './file-requests.service';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

/** File requests: operators and API clients ask; the visitor answers with a message carrying `fileRequestId`. */
@ApiTags('file requests')
@ApiBearerAuth()
@Controller('v1/chats/:chatId/file-requests')
export class FileRequestsController {
  constructor(private readonly requests: FileRequestsService) {}

  @Allow(...STAFF)
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Body() dto: CreateFileRequestDto,
  ): Promise<FileRequestDto> {
    return this.requests.create(principal, chatId, dto);
  }

  @Allow(...PARTICIPANTS)
  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<FileRequestDto[]> {
    return this.requests.list(principal, chatId);
  }

  @Allow(...PARTICIPANTS)
  @Post(':id/skip')
  @HttpCode(200)
  skip(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FileRequestDto> {
    return this.requests.skip(principal, chatId, id);
  }

  @Allow(...STAFF)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FileRequestDto> {
    return this.requests.cancel(principal, chatId, id);
  }
}
