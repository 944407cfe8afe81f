import { Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SeedFileUploadResponse } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { downloadRequest, sendDownload } from './download-response';
import { Seed003ErrorFilter } from './seed-error.filters';
import { SeedFilesService } from './seed-files.service';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/files')
export class SeedFilesController {
  constructor(private readonly files: SeedFilesService) {}

  /** Seed 003: the `file` stream into the chat `conversationId`, named `<conversationId>_<name>`. */
  @Allow(...PARTICIPANTS)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'conversationId', required: true })
  @UseFilters(Seed003ErrorFilter)
  @Post()
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Query('conversationId') conversationId: unknown,
    @Req() req: Request,
  ): Promise<SeedFileUploadResponse> {
    return this.files.upload({ principal: p, ip }, conversationId, req);
  }

  /** Seed 003: download by the name alone; Range and ETag as every download. */
  @Allow(...PARTICIPANTS)
  @ApiQuery({ name: 'filename', required: true })
  @Get()
  @RateLimit('download_ip')
  async download(
    @CurrentPrincipal() p: Principal,
    @Query('filename') filename: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendDownload(res, await this.files.download(p, filename, downloadRequest(req)));
  }
}
