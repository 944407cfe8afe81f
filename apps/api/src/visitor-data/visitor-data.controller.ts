import { Controller, Delete, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { VisitorErasureDto } from '@satchel/contracts';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { VisitorDataService } from './visitor-data.service';

/** A visitor's data, by an admin or an API client: `:chatId` names the visitor (the person of that chat). */
@ApiTags('visitor data')
@ApiBearerAuth()
@Controller('v1/visitors')
export class VisitorDataController {
  constructor(private readonly visitors: VisitorDataService) {}

  /** A zip: `manifest.json` (chat, messages, files) and `files/<id>/<name>` with the stored bytes. */
  @Allow('owner', 'admin', 'api')
  @Get(':chatId/export')
  async export(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { zip, fileName } = await this.visitors.export({ principal, ip }, chatId);
    res.status(200).set({
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
    await pipeline(zip, res).catch(() => res.destroy());
  }

  /** Erases the visitor's chat, messages, files, previews and delivery records. */
  @Allow('owner', 'admin', 'api')
  @Delete(':chatId')
  erase(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
  ): Promise<VisitorErasureDto> {
    return this.visitors.erase({ principal, ip }, chatId);
  }
}
