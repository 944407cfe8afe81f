import { Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FileStreamUploadResponse } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { downloadRequest, sendDownload } from './download-response';
import { FileStreamErrorFilter } from './upload-error.filters';
import { FileStreamService } from './file-stream.service';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/files')
export class FileStreamController {
  constructor(private readonly files: FileStreamService) {}

  /** Streams the `file` into the chat `conversationId`, named `<conversationId>_<name>` (seed 003). */
  @Allow(...PARTICIPANTS)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'conversationId', required: true })
  @UseFilters(FileStreamErrorFilter)
  @Post()
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Query('conversationId') conversationId: unknown,
    @Req() req: Request,
  ): Promise<FileStreamUploadResponse> {
    return this.files.upload({ principal, ip }, conversationId, req);
  }

  /** Downloads by the name the upload returned (seed 003); Range and ETag as every download. */
  @Allow(...PARTICIPANTS)
  @ApiQuery({ name: 'filename', required: true })
  @Get()
  @RateLimit('download_ip')
  async download(
    @CurrentPrincipal() principal: Principal,
    @Query('filename') filename: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendDownload(res, await this.files.download(principal, filename, downloadRequest(req)));
  }
}
