import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { SecretProblem, SecretsStatus } from '@satchel/contracts';
import { SecretChecks } from './secret-checks';
import { UnreadableSecretError } from './unreadable-secret.error';

/**
 * Stored secrets against the current SECRETS_KEY: checked for every account at start (one log line
 * per account with a problem) and on demand for the console's settings.
 */
@Injectable()
export class SecretsCheckService implements OnApplicationBootstrap {
  private readonly log = new Logger('Secrets');

  constructor(private readonly checks: SecretChecks) {}

  async onApplicationBootstrap(): Promise<void> {
    const byAccount = new Map<string, SecretProblem[]>();
    for (const check of this.checks.all()) {
      for (const accountId of await check.unreadableAccounts())
        byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), problem(check.kind)]);
    }
    for (const [accountId, problems] of byAccount)
      this.log.warn(`Account ${accountId}: ${problems.map((p) => p.message).join('; ')}`);
  }

  async status(accountId: string): Promise<SecretsStatus> {
    const checks = this.checks.all();
    const unreadable = await Promise.all(checks.map((c) => c.unreadableFor(accountId)));
    return { problems: checks.filter((_, i) => unreadable[i]).map((c) => problem(c.kind)) };
  }
}

function problem(secret: SecretProblem['secret']): SecretProblem {
  return { secret, message: new UnreadableSecretError(secret).message };
}
