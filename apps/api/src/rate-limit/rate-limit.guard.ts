import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RateLimitPolicy } from './rate-limit.policies';
import { httpKeyOf } from './rate-limit.keys';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMITS = 'satchel:rate-limits';

/** Runs after the global auth guard, so per-token and per-account keys know the caller. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policies = this.reflector.get<RateLimitPolicy[] | undefined>(RATE_LIMITS, ctx.getHandler());
    if (!policies?.length || ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const checks = policies
      .map((policy) => [policy, httpKeyOf(policy, req)] as const)
      .filter((c): c is [RateLimitPolicy, string] => c[1] !== null);
    await this.limits.consume(checks, req.principal?.accountId ?? null);
    return true;
  }
}

/** Each request to this route takes one point from every listed policy that applies to the caller. */
export const RateLimit = (...policies: RateLimitPolicy[]) =>
  applyDecorators(SetMetadata(RATE_LIMITS, policies), UseGuards(RateLimitGuard));
