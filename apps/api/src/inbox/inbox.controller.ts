import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InboxChatDto } from '@satchel/contracts';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Allow('owner', 'admin', 'operator')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: InboxQueryDto): Promise<InboxChatDto[]> {
    return this.inbox.list(p, q);
  }

  @Allow('owner', 'admin', 'operator')
  @Post(':chatId/read')
  @HttpCode(204)
  read(@CurrentPrincipal() p: Principal, @Param('chatId', ParseUUIDPipe) chatId: string): Promise<void> {
    return this.inbox.markRead(p, chatId);
  }
}
