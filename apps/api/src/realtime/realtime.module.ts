import { Module } from '@nestjs/common';
import { ConnectionStringsService } from './connection-strings.service';
import { RealtimeController } from './realtime.controller';
import { RealtimeListener } from './realtime.listener';
import { RealtimeRepository } from './realtime.repository';

@Module({
  controllers: [RealtimeController],
  providers: [ConnectionStringsService, RealtimeRepository, RealtimeListener],
  exports: [ConnectionStringsService, RealtimeRepository],
})
export class RealtimeModule {}
