import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AttachmentDto, FromUrlUploadResponse, MessageDto } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { downloadRequest, sendDownload } from './download-response';
import { DownloadsService } from './downloads.service';
import { FromUrlUploadDto } from './dto/from-url.dto';
import { FromUrlService } from './from-url.service';
import { idempotencyKeyOf } from './upload/idempotency-key';
import { UploadsService } from './uploads.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/chats/:chatId')
export class ChatAttachmentsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly fromUrl: FromUrlService,
    private readonly downloads: DownloadsService,
  ) {}

  /** Multipart, field `files` (repeatable). All files are stored, or none. */
  @Allow(...PARTICIPANTS)
  @ApiConsumes('multipart/form-data')
  @Post('attachments')
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  upload(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Req() req: Request,
  ): Promise<AttachmentDto[]> {
    return this.uploads.upload({ principal, ip }, chatId, req, idempotencyKeyOf(req));
  }

  /** Multipart `text` + `files`: the files are stored and sent as one message. */
  @Allow(...PARTICIPANTS)
  @ApiConsumes('multipart/form-data')
  @Post('messages/with-files')
  @RateLimit('upload_visitor', 'upload_token', 'upload_account', 'message_chat')
  uploadMessage(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Req() req: Request,
  ): Promise<MessageDto> {
    return this.uploads.uploadMessage({ principal, ip }, chatId, req);
  }

  /** Seed 003: the server fetches `sourceUrl` (through the SSRF guard) into the chat. */
  @Allow(...PARTICIPANTS)
  @Post('attachments/from-url')
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  @HttpCode(200)
  uploadFromUrl(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Body() dto: FromUrlUploadDto,
  ): Promise<FromUrlUploadResponse> {
    return this.fromUrl.upload({ principal, ip }, chatId, dto);
  }

  /** Seed 003: download by file name (the newest file of that name in the chat). */
  @Allow(...PARTICIPANTS)
  @Get('files/:name')
  async byName(
    @CurrentPrincipal() principal: Principal,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Param('name') name: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendDownload(res, await this.downloads.byName(principal, chatId, name, downloadRequest(req)));
  }
}
