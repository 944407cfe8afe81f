/** What integrations need to know about a stored attachment to deliver or export it. */
export interface AttachmentRecord {
  id: string;
  accountId: string;
  chatId: string | null;
  name: string;
  contentType: string;
  size: number;
  storageKey: string;
  createdAt: Date;
}

/**
 * Integrations read attachments only through this (implemented over the attachments table by
 * `AttachmentSourceRepository`), so the delivery code does not depend on the attachments module.
 */
export interface AttachmentSource {
  /** A stored attachment, or null when it does not exist (any more). */
  find(id: string): Promise<AttachmentRecord | null>;
  /** Stored attachments of an account created in [from, to) that have no delivery of this kind. */
  missingDelivery(
    kind: 'callback' | 'export',
    accountId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<AttachmentRecord[]>;
}

export const ATTACHMENT_SOURCE = Symbol('ATTACHMENT_SOURCE');
