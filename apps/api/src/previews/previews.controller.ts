import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { downloadRequest, sendDownload } from '../attachments/download-response';
import { Public } from '../common/auth/decorators';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { PreviewQueryDto } from './dto/preview-query.dto';
import { PreviewContentService } from './preview-content.service';

@ApiTags('attachments')
@Controller('v1/attachments')
export class PreviewsController {
  constructor(private readonly content: PreviewContentService) {}

  /** A WebP rendition (`small` fits 256², `large` 1280²) with a participant's token or the signed `preview.*Url`. */
  @Public()
  @Get(':id/preview')
  @RateLimit('download_ip')
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PreviewQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const served = await this.content.serve(
      id,
      query.size ?? 'small',
      downloadRequest(req, query.sig, 'preview'),
    );
    await sendDownload(res, served);
  }
}
