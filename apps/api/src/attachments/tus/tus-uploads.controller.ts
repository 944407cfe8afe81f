import { All, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, STAFF } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { ClientIp } from '../../common/http/client-ip';
import { RateLimit } from '../../rate-limit/rate-limit.guard';
import { TusUploadsService } from './tus-uploads.service';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

/** tus 1.0 (creation, creation-with-upload, termination, expiration); authenticated on every request. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/uploads')
export class TusUploadsController {
  constructor(private readonly tus: TusUploadsService) {}

  /** Creation; `Upload-Metadata` carries `chatId`, `filename`, optionally `messageText`, `fileRequestId`. */
  @Allow(...PARTICIPANTS)
  @Post()
  @RateLimit('upload_visitor', 'upload_token', 'upload_account')
  create(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.tus.create({ principal, ip }, req, res);
  }

  /** HEAD (offset), PATCH (bytes), DELETE (termination) of the caller's own upload. */
  @Allow(...PARTICIPANTS)
  @All(':id')
  resume(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.tus.resume({ principal, ip }, id, req, res);
  }
}
