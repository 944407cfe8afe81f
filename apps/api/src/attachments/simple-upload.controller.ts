import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { SimpleUploadResponse } from '@satchel/contracts';
import type { Request } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { SimpleUploadService } from './simple-upload.service';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/chat')
export class SimpleUploadController {
  constructor(private readonly simpleUploads: SimpleUploadService) {}

  /**
   * One file in, its URL out (the seed 001 contract): `Authorization: Token …`, multipart `file` +
   * optional `session_id` → `{url, type}`.
   */
  @Allow(...STAFF, 'visitor')
  @ApiConsumes('multipart/form-data')
  @Post('upload')
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Req() req: Request,
  ): Promise<SimpleUploadResponse> {
    return this.simpleUploads.upload({ principal, ip }, req);
  }
}
