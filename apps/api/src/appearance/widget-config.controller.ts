import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IdentifyVisitorResponse, WidgetConfig } from '@satchel/contracts';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Allow, CurrentPrincipal, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ValidationError } from '../common/errors/domain-errors';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { AppearanceService } from './appearance.service';
import { IdentifyVisitorDto } from './dto/appearance.dto';
import { VisitorIdentityService } from './visitor-identity.service';

const AVATAR_FILE = /^avatar-[0-9a-f]{16}\.webp$/;

/** What the widget reads before and during a chat: its appearance, the team avatar, `identify()`. */
@ApiTags('widget')
@Controller('v1')
export class WidgetConfigController {
  constructor(
    private readonly appearance: AppearanceService,
    private readonly identity: VisitorIdentityService,
  ) {}

  /** Revalidated on every load: `ETag` is the appearance version, so an unchanged config is a 304. */
  @Public()
  @Get('widget/config')
  @RateLimit('download_ip')
  async config(
    @Query('widgetKey') widgetKey: unknown,
    @Headers('origin') origin: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WidgetConfig | undefined> {
    if (typeof widgetKey !== 'string' || !widgetKey || widgetKey.length > 200)
      throw new ValidationError('widgetKey is required', 'widgetKey');
    const config = await this.appearance.widgetConfig(widgetKey, origin);
    const etag = `W/"appearance-${config.version}"`;
    res.set({ ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Origin' });
    if (req.header('if-none-match') === etag) {
      res.status(304);
      return undefined;
    }
    return config;
  }

  /** The re-encoded WebP avatar (content-addressed, so cached for a year). */
  @Public()
  @Get('widget/avatars/:accountId/:file')
  @RateLimit('download_ip')
  async avatar(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!AVATAR_FILE.test(file)) throw new ValidationError('Not an avatar file name', 'file');
    const body = await this.appearance.avatar(accountId, file);
    res.status(200).set({
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    await pipeline(body, res).catch(() => body.destroy());
  }

  /** The host page's `Satchel.identify({id, name, email, hash})`, with the chat's visitor token. */
  @Allow('visitor')
  @Post('chats/:id/identify')
  @HttpCode(200)
  @RateLimit('message_sender')
  identify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) chatId: string,
    @Body() dto: IdentifyVisitorDto,
  ): Promise<IdentifyVisitorResponse> {
    return this.identity.identify(principal, chatId, dto);
  }
}
