import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AllowRole, Principal } from './principal';

export const PUBLIC_KEY = 'satchel:public';
export const ALLOW_KEY = 'satchel:allow';

/** No token needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Which roles may call. `owner` always passes where `admin` does. */
export const Allow = (...roles: AllowRole[]) => SetMetadata(ALLOW_KEY, roles);

export const STAFF: AllowRole[] = ['owner', 'admin', 'operator', 'api'];
export const ADMINS: AllowRole[] = ['owner', 'admin'];

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<Request>().principal;
  if (!p) throw new Error('CurrentPrincipal used on a public route');
  return p;
});
