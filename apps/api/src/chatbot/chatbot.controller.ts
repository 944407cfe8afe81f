import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChatbotSettings } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ChatbotService } from './chatbot.service';
import { ChatbotSettingsDto } from './dto/chatbot.dto';
import { ClientIp } from '../common/http/client-ip';

@ApiTags('chatbot')
@ApiBearerAuth()
@Controller('v1/settings/chatbot')
export class ChatbotController {
  constructor(private readonly chatbot: ChatbotService) {}

  @Allow(...STAFF)
  @Get()
  get(@CurrentPrincipal() principal: Principal): Promise<ChatbotSettings> {
    return this.chatbot.get(principal);
  }

  @Allow(...ADMINS)
  @Put()
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: ChatbotSettingsDto,
  ): Promise<ChatbotSettings> {
    return this.chatbot.update({ principal, ip }, dto);
  }
}
