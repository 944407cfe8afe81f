import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { EndUserUploadResponse } from '@satchel/contracts';
import type { Request } from 'express';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { EndUserUploadService } from './end-user-upload.service';
import { EndUserUploadErrorFilter } from './upload-error.filters';

@ApiTags('attachments')
@ApiBearerAuth()
@UseFilters(EndUserUploadErrorFilter)
@Controller()
export class EndUserUploadController {
  constructor(private readonly uploads: EndUserUploadService) {}

  /**
   * Uploads files for an end user (the seed 000 contract): multipart `files` (repeatable) + `user_id`
   * (+ optional `chat_id`), by an API or admin token →
   * `{"status": "success", "message": "<N> files uploaded successfully.", "files": [...]}`;
   * refusals as `{"status": "error", "message": <reason>}` with their HTTP status.
   */
  @Allow(...ADMINS, 'api')
  @ApiConsumes('multipart/form-data')
  @Post(['upload_attachments', 'v1/upload_attachments'])
  @RateLimit('upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Req() req: Request,
  ): Promise<EndUserUploadResponse> {
    return this.uploads.upload({ principal, ip }, req);
  }
}
