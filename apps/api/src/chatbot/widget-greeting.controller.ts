import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WidgetGreeting } from '@satchel/contracts';
import { Public } from '../common/auth/decorators';
import { ValidationError } from '../common/errors/domain-errors';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { ChatbotService } from './chatbot.service';

@ApiTags('widget')
@Controller('v1/widget')
export class WidgetGreetingController {
  constructor(private readonly chatbot: ChatbotService) {}

  /** The bot's opening words for a page with no chat yet (a chat starts only when the visitor writes). */
  @Public()
  @Get('greeting')
  @RateLimit('download_ip')
  greeting(
    @Query('widgetKey') widgetKey: unknown,
    @Headers('origin') origin: string | undefined,
  ): Promise<WidgetGreeting> {
    if (typeof widgetKey !== 'string' || !widgetKey || widgetKey.length > 200)
      throw new ValidationError('widgetKey is required', 'widgetKey');
    return this.chatbot.greeting(widgetKey, origin);
  }
}
