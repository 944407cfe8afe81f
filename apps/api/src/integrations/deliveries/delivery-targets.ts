import { Injectable } from '@nestjs/common';
import { KindRegistry } from '../../common/registry/kind-registry';

/** The deliveries every stored attachment may get, in the order they are recorded. */
export const ATTACHMENT_DELIVERY_KINDS = ['callback', 'export'] as const;
export type AttachmentDeliveryKind = (typeof ATTACHMENT_DELIVERY_KINDS)[number];

/** An account for which a kind of delivery is on, and since when (null: unknown, treat as now). */
export interface EnabledAccount {
  accountId: string;
  enabledAt: Date | null;
}

/**
 * The port through which the deliveries core asks whether a kind of attachment delivery is on:
 * callbacks and S3 export implement it over their settings and register it in `DeliveryTargets`,
 * so the core never reads their settings itself.
 */
export interface DeliveryTarget {
  readonly kind: AttachmentDeliveryKind;
  /** For the per-upload path: may answer from settings up to SETTINGS_CACHE_MS old. */
  enabledFor(accountId: string): Promise<boolean>;
  /** Every account with it on (for reconciliation). */
  enabledAccounts(): Promise<EnabledAccount[]>;
}

/** The registered `DeliveryTarget`s: callback before export. */
@Injectable()
export class DeliveryTargets extends KindRegistry<AttachmentDeliveryKind, DeliveryTarget> {
  constructor() {
    super('delivery target', ATTACHMENT_DELIVERY_KINDS);
  }
}
