import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChatReadsDto, ReadReceipt } from '@satchel/contracts';
import { Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { MarkReadDto } from './dto/mark-read.dto';
import { ReceiptsService } from './receipts.service';

@ApiTags('chats')
@ApiBearerAuth()
@Controller('v1/chats')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Allow('owner', 'admin', 'operator', 'visitor')
  @Post(':id/read')
  @HttpCode(200)
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MarkReadDto,
  ): Promise<ReadReceipt> {
    return this.receipts.markRead(principal, id, dto.messageId);
  }

  @Allow('owner', 'admin', 'operator', 'visitor')
  @Get(':id/reads')
  reads(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChatReadsDto> {
    return this.receipts.reads(principal, id);
  }
}
