import { Global, Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.service';
import { RateLimitController } from './rate-limit.controller';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitService } from './rate-limit.service';
import { RateLimitOverridesRepository } from './rate-limit-overrides.repository';

/** Rate limits on Redis (shared by every API process), per-account overrides, login lockouts. */
@Global()
@Module({
  controllers: [RateLimitController],
  providers: [
    RateLimitRepository,
    RateLimitOverridesRepository,
    RateLimitService,
    LoginThrottle,
    RateLimitGuard,
  ],
  exports: [RateLimitService, LoginThrottle, RateLimitGuard],
})
export class RateLimitModule {}
