import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AccountsRepository } from '../accounts/accounts.repository';
import { Public } from '../common/auth/decorators';
import { DEMO_CSP, DEMO_CSS, demoPage } from './demo-page';

/** `/demo`: a host page embedding the widget for the first account, under a strict same-origin CSP. */
@ApiExcludeController()
@Controller('demo')
export class DemoController {
  constructor(private readonly accounts: AccountsRepository) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', DEMO_CSP)
  @Header('Cache-Control', 'no-store')
  async page(): Promise<string> {
    const first = await this.accounts.first();
    return demoPage(first?.widgetKey ?? null);
  }

  @Public()
  @Get('demo.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  css(): string {
    return DEMO_CSS;
  }
}
