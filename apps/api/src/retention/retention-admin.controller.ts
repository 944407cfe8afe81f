import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConsistencyReportDto, RetentionSummaryDto, RetentionViewDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { LegalHoldDto, RetentionBulkDto, RetentionViewQueryDto } from './dto/retention.dto';
import { ConsistencyService } from './consistency.service';
import { RetentionAdminService } from './retention-admin.service';
import { RetentionSweeper, type SweepResult } from './retention-sweeper.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1')
export class RetentionAdminController {
  constructor(
    private readonly admin: RetentionAdminService,
    private readonly consistency: ConsistencyService,
    private readonly sweeper: RetentionSweeper,
  ) {}

  /** Counts and sizes of each view, storage by kind, storage over time and the quota. */
  @Allow(...ADMINS)
  @Get('retention/summary')
  summary(@CurrentPrincipal() principal: Principal): Promise<RetentionSummaryDto> {
    return this.admin.summary(principal.accountId);
  }

  @Allow(...ADMINS)
  @Get('retention/files')
  files(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RetentionViewQueryDto,
  ): Promise<RetentionViewDto> {
    return this.admin.view(principal.accountId, query.view);
  }

  @Allow(...ADMINS)
  @Post('retention/files/bulk')
  @HttpCode(200)
  async bulk(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: RetentionBulkDto,
  ): Promise<{ affected: number }> {
    return { affected: await this.admin.bulk({ principal, ip }, dto.action, dto.ids, dto.days) };
  }

  /** A legal hold on a chat: its files are kept whatever the policy says. */
  @Allow(...ADMINS)
  @Put('retention/chats/:chatId/hold')
  @HttpCode(204)
  hold(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('chatId', ParseUUIDPipe) chatId: string,
    @Body() dto: LegalHoldDto,
  ): Promise<void> {
    return this.admin.holdChat({ principal, ip }, chatId, dto.hold);
  }

  /**
   * Runs a pass now (the platform owner; the schedule runs one every RETENTION_SWEEP_INTERVAL). It
   * does not wait for the scheduled run's lock: row claims keep a file from being removed twice.
   */
  @Allow('owner')
  @Post('admin/retention/sweep')
  @HttpCode(200)
  sweep(): Promise<SweepResult> {
    return this.sweeper.sweep();
  }

  @Allow('owner')
  @Get('admin/storage/consistency')
  check(): Promise<ConsistencyReportDto> {
    return this.consistency.check(false);
  }

  @Allow('owner')
  @Post('admin/storage/consistency/repair')
  @HttpCode(200)
  repair(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
  ): Promise<ConsistencyReportDto> {
    return this.consistency.check(true, { principal, ip });
  }
}
