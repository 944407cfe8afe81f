import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { QuarantinedFileDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { QuarantineRepository } from './quarantine.repository';
import { RescanService, type RescanResult } from './rescan.service';

const LIMIT = 500;

/** Infected files of the account (delete one with `DELETE /v1/attachments/:id`), and a full rescan. */
@ApiTags('quarantine')
@ApiBearerAuth()
@Controller('v1/quarantine')
export class QuarantineController {
  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly rescan: RescanService,
  ) {}

  @Allow(...ADMINS)
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<QuarantinedFileDto[]> {
    const rows = await this.quarantine.infected(principal.accountId, LIMIT);
    return rows.map((r) => ({
      id: r.id,
      chatId: r.chatId,
      name: r.name,
      size: r.size,
      contentType: r.contentType,
      signature: r.scanSignature ?? '',
      uploadedBy: { role: r.uploadedByRole, name: r.uploadedByName },
      createdAt: r.createdAt.toISOString(),
      scannedAt: r.scannedAt?.toISOString() ?? null,
    }));
  }

  /** Re-checks every stored file of the account, e.g. after a signature update. */
  @Allow(...ADMINS)
  @Post('rescan')
  @HttpCode(200)
  rescanAll(@CurrentPrincipal() principal: Principal, @ClientIp() ip: string | null): Promise<RescanResult> {
    return this.rescan.rescanAccount({ principal, ip }, principal.accountId);
  }
}
