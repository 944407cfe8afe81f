import type { AuditAction } from '../../audit/audit-actions';
import type { ActorContext, AuditService } from '../../audit/audit.service';

/** One settings row per account (defaults until its first save), as callbacks and S3 export keep them. */
export interface AccountSettingsRepository<E> {
  find(accountId: string): Promise<E | null>;
  save(accountId: string, patch: Partial<E>): Promise<E>;
}

/**
 * What the callback and S3 export settings services share: the public view of the saved row, and a
 * save recorded in the audit log with the views before and after (secrets only as their last 4).
 */
export class IntegrationSettings<E, V> {
  constructor(
    private readonly o: {
      repo: AccountSettingsRepository<E>;
      view: (s: E | null) => V;
      audit: AuditService;
      action: AuditAction;
    },
  ) {}

  async get(accountId: string): Promise<V> {
    return this.o.view(await this.o.repo.find(accountId));
  }

  /** Saves `patch` over `current` (the row the caller checked it against) and audits the change. */
  async save(ctx: ActorContext, current: E | null, patch: Partial<E>): Promise<V> {
    const after = this.o.view(await this.o.repo.save(ctx.principal.accountId, patch));
    const before = current ? this.o.view(current) : null;
    await this.o.audit.record(
      ctx,
      { action: this.o.action, outcome: 'success', details: { before, after } },
      true,
    );
    return after;
  }
}

/**
 * Since when an integration is on (reconciliation catches up from there): kept while it stays on,
 * now when it is switched on, null when off.
 */
export function enabledSince(
  current: { on: boolean; enabledAt: Date | null } | null,
  on: boolean,
): Date | null {
  if (!on) return null;
  return current?.on && current.enabledAt ? current.enabledAt : new Date();
}
