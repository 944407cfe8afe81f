import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ChatFilesResponse } from '@satchel/contracts';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { ChatArchiveService } from './chat-archive.service';

/** A conversation's files for its operators and admins: the list, and all of them as one zip. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/chats/:chatId')
export class ChatFilesController {
  constructor(private readonly archive: ChatArchiveService) {}

  /** Every file of the chat, oldest first, quarantined and expired ones included (marked so). */
  @Allow(...STAFF)
  @Get('attachments')
  list(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<ChatFilesResponse> {
    return this.archive.list({ principal, ip }, chatId);
  }

  /** A zip of the chat's files, streamed as it is written; quarantined and expired files are left out. */
  @Allow(...STAFF)
  @ApiProduces('application/zip')
  @Get('attachments.zip')
  @RateLimit('chat_archive_user')
  async zip(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { zip, contentDisposition } = await this.archive.archive({ principal, ip }, chatId);
    res.status(200).set({
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    await pipeline(zip, res).catch(() => res.destroy());
  }
}
