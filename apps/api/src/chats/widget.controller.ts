import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StartWidgetChatResponse } from '@satchel/contracts';
import { Public } from '../common/auth/decorators';
import { ChatsService } from './chats.service';
import { StartWidgetChatDto } from './dto/chat.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('widget')
@Controller('v1/widget')
export class WidgetController {
  constructor(private readonly chats: ChatsService) {}

  /** A visitor starts a chat with the account's public widget key; the token is scoped to that chat. */
  @Public()
  @Post('chats')
  @RateLimit('chat_start_ip')
  start(
    @Body() dto: StartWidgetChatDto,
    @Headers('origin') origin: string | undefined,
  ): Promise<StartWidgetChatResponse> {
    return this.chats.startWidgetChat(dto.widgetKey, origin, dto.name, dto.email, dto.context);
  }
}
