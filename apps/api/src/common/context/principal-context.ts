import type { ClsService } from 'nestjs-cls';
import type { Principal } from '../auth/principal';

/** The request's principal in its CLS context (beside the request id), once the auth guard knows it. */
const PRINCIPAL = 'principal';

export function rememberPrincipal(cls: ClsService, principal: Principal): void {
  if (cls.isActive()) cls.set(PRINCIPAL, principal);
}

export function currentPrincipal(cls: ClsService): Principal | undefined {
  return cls.isActive() ? cls.get<Principal>(PRINCIPAL) : undefined;
}
