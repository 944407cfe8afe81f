import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SecretsStatus } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { SecretsCheckService } from './secrets-check.service';

@ApiTags('integrations')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/settings/secrets-status')
export class SecretsStatusController {
  constructor(private readonly check: SecretsCheckService) {}

  /** Stored secrets the current SECRETS_KEY cannot decrypt (after a key change), with what to re-enter. */
  @Get()
  get(@CurrentPrincipal() p: Principal): Promise<SecretsStatus> {
    return this.check.status(p.accountId);
  }
}
