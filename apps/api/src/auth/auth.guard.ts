import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import type { Request } from 'express';
import { ALLOW_KEY, PUBLIC_KEY, STAFF } from '../common/auth/decorators';
import type { AllowRole } from '../common/auth/principal';
import { tokenFromHeader } from '../common/auth/token-header';
import { rememberPrincipal } from '../common/context/principal-context';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../common/errors/domain-errors';
import { OriginGate } from '../accounts/origin-gate.service';
import { TokensService } from './tokens.service';

/**
 * Global guard: every route needs a valid token unless marked `@Public()`; `@Allow()` narrows the
 * roles (default: staff). Visitors on a staff route get 404 so they learn nothing about it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly origins: OriginGate,
    private readonly cls: ClsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const raw = tokenFromHeader(req.header('authorization'));
    const principal = raw ? await this.tokens.authenticate(raw) : null;
    if (!principal) throw new UnauthorizedError();
    req.principal = principal;
    rememberPrincipal(this.cls, principal);
    if (principal.kind === 'visitor') await this.origins.assert(principal.accountId, req.header('origin'));
    const allowed = this.reflector.getAllAndOverride<AllowRole[]>(ALLOW_KEY, targets) ?? STAFF;
    const role = principal.role;
    if (allowed.includes(role) || (role === 'owner' && allowed.includes('admin'))) return true;
    if (role === 'visitor') throw new NotFoundError('Route');
    throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}`, {
      code: 'FORBIDDEN_ACTOR',
    });
  }
}
