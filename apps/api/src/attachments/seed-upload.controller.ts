import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { SeedUploadResponse } from '@satchel/contracts';
import type { Request } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { SeedUploadService } from './seed-upload.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/chat')
export class SeedUploadController {
  constructor(private readonly seedUploads: SeedUploadService) {}

  /** Seed 001: `Authorization: Token …`, multipart `file` + optional `session_id` → `{url, type}`. */
  @Allow(...STAFF, 'visitor')
  @ApiConsumes('multipart/form-data')
  @Post('upload')
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Req() req: Request,
  ): Promise<SeedUploadResponse> {
    return this.seedUploads.upload({ principal: p, ip }, req);
  }
}
