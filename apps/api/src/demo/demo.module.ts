import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DemoController } from './demo.controller';

@Module({ imports: [AccountsModule], controllers: [DemoController] })
export class DemoModule {}
