import type { ScanFailMode } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import type { MailMessage } from '../mail/mail-message';

/** The payloads of the jobs in the map, one type per job; producers and handlers are checked against them. */

export interface DeliveryJobData {
  deliveryId: string;
}

export interface PreviewJobData {
  attachmentId: string;
}

export interface BackfillJobData {
  accountId: string;
}

export interface TextJobData {
  attachmentId: string;
}

/** The tables whose vectors follow the account's search language, in re-index order. */
export const REINDEX_TABLES = ['messages', 'attachment_texts'] as const;
export type ReindexTable = (typeof REINDEX_TABLES)[number];

/** A keyset position: `key` is the sort value before the id (messages: created_at), or ''. */
export interface ReindexCursor {
  key: string;
  id: string;
}

/** A step of an account's re-index pass (`run` tells passes apart: each change starts one). */
export interface ReindexJobData {
  accountId: string;
  run: string;
  table: ReindexTable;
  after: ReindexCursor;
}

/** What the `scans.upload` job needs: the file, and the message to send once it is clean. */
export interface ScanJobData {
  attachmentId: string;
  scanFailMode: ScanFailMode;
  /** The uploader, for the message sent on its behalf. */
  principal: Principal;
  message?: { text?: string; fileRequestId?: string };
}

export interface NotifyJobData {
  userId: string;
}

export type { MailMessage };

/** A scheduled job that carries nothing (its scheduler decides when it runs). */
export type NoData = Record<string, never>;
