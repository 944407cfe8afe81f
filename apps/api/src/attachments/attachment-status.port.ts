import type { AttachmentCallbackInfo, AttachmentExportInfo } from '@satchel/contracts';

/**
 * How the attachments API reads callback/export status without depending on integrations:
 * the deliveries core provides this under `ATTACHMENT_STATUS` (AttachmentsModule imports its
 * DeliveriesModule instance); attachments inject it @Optional().
 */
export interface AttachmentStatusPort {
  statusFor(
    attachmentIds: string[],
  ): Promise<Map<string, { callback?: AttachmentCallbackInfo; export?: AttachmentExportInfo }>>;
}

export const ATTACHMENT_STATUS = Symbol('ATTACHMENT_STATUS');
