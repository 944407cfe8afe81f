import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BacklogResult, S3ExportSettings, TestResult } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { S3ExportTestDto, UpdateS3ExportSettingsDto } from './dto/s3-export-settings.dto';
import { S3ExportSettingsService } from './s3-export-settings.service';
import { RateLimit } from '../../rate-limit/rate-limit.guard';
import { ClientIp } from '../../common/http/client-ip';

@ApiTags('integrations')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/settings/s3-export')
export class S3ExportSettingsController {
  constructor(private readonly settings: S3ExportSettingsService) {}

  @Get()
  get(@CurrentPrincipal() p: Principal): Promise<S3ExportSettings> {
    return this.settings.get(p.accountId);
  }

  @Put()
  update(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: UpdateS3ExportSettingsDto,
  ): Promise<S3ExportSettings> {
    return this.settings.update({ principal: p, ip }, dto);
  }

  @Post('test')
  @RateLimit('integration_test')
  @HttpCode(200)
  test(@CurrentPrincipal() p: Principal, @Body() dto: S3ExportTestDto): Promise<TestResult> {
    return this.settings.test(p.accountId, dto);
  }

  @Post('backlog')
  @HttpCode(202)
  backlog(@CurrentPrincipal() p: Principal): Promise<BacklogResult> {
    return this.settings.backlog(p.accountId);
  }
}
