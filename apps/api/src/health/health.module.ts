import { Module } from '@nestjs/common';
import { Drain } from './drain';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

@Module({ controllers: [HealthController], providers: [HealthRepository, Drain], exports: [Drain] })
export class HealthModule {}
