import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { SeedAttachmentsResponse } from '@satchel/contracts';
import type { Request } from 'express';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { SeedAttachmentsService } from './seed-attachments.service';
import { Seed000ErrorFilter } from './seed-error.filters';

@ApiTags('attachments')
@ApiBearerAuth()
@UseFilters(Seed000ErrorFilter)
@Controller()
export class SeedAttachmentsController {
  constructor(private readonly seed: SeedAttachmentsService) {}

  /**
   * Seed 000: multipart `files` (repeatable) + `user_id` (+ optional `chat_id`), by an API or admin
   * token → `{"status": "success", "message": "<N> files uploaded successfully.", "files": [...]}`;
   * refusals as `{"status": "error", "message": <reason>}` with their HTTP status.
   */
  @Allow(...ADMINS, 'api')
  @ApiConsumes('multipart/form-data')
  @Post(['upload_attachments', 'v1/upload_attachments'])
  @RateLimit('upload_token', 'upload_account')
  @HttpCode(200)
  upload(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Req() req: Request,
  ): Promise<SeedAttachmentsResponse> {
    return this.seed.upload({ principal: p, ip }, req);
  }
}
