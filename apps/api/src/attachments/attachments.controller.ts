import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AttachmentDto, Page } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, Public, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { AttachmentsService } from './attachments.service';
import { downloadRequest, sendDownload } from './download-response';
import { DownloadsService } from './downloads.service';
import { AttachmentListQueryDto } from './dto/attachment-list-query.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

const PARTICIPANTS = [...STAFF, 'visitor' as const];

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly downloads: DownloadsService,
  ) {}

  /** Admin listing: filters, sort, pagination, file-name search. */
  @Allow('owner', 'admin', 'api')
  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AttachmentListQueryDto,
  ): Promise<Page<AttachmentDto>> {
    return this.attachments.list(principal, query);
  }

  @Allow(...PARTICIPANTS)
  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttachmentDto> {
    return this.attachments.get(principal, id);
  }

  /**
   * The bytes, with a participant's token or the signed `url` (`?sig=`); Range and ETag. Express
   * answers HEAD from this GET route. `?purpose=preview` (images and PDF shown in a viewer) is not
   * audited as a download.
   */
  @Public()
  @ApiQuery({ name: 'purpose', required: false, enum: ['download', 'preview'] })
  @Get(':id/content')
  @RateLimit('download_ip')
  async content(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('sig') sig: string | undefined,
    @Query('purpose') purpose: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendDownload(res, await this.downloads.content(id, downloadRequest(req, sig, purpose)));
  }

  @Allow(...PARTICIPANTS)
  @Delete(':id')
  @HttpCode(204)
  delete(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.attachments.delete({ principal, ip }, id);
  }
}
