import { Injectable } from '@nestjs/common';
import type { AttachmentCallbackInfo, AttachmentExportInfo } from '@satchel/contracts';
import type { AttachmentStatusPort } from '../../attachments/attachment-status.port';
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryEntity } from './delivery.entity';

function callbackInfo(d: DeliveryEntity): AttachmentCallbackInfo {
  const status = d.status === 'exported' ? 'delivered' : d.status;
  return {
    status,
    uid: d.uid,
    url: d.url,
    deliveredAt: d.status === 'delivered' ? (d.completedAt?.toISOString() ?? null) : null,
    message: d.status === 'delivered' ? null : d.lastError,
  };
}

function exportInfo(d: DeliveryEntity): AttachmentExportInfo {
  const status =
    d.status === 'exported' || d.status === 'failed'
      ? d.status
      : d.status === 'pending'
        ? 'pending'
        : 'failed';
  return {
    status,
    key: d.status === 'exported' ? d.exportKey : null,
    error: d.status === 'exported' ? null : d.lastError,
    exportedAt: d.status === 'exported' ? (d.completedAt?.toISOString() ?? null) : null,
  };
}

/** `ATTACHMENT_STATUS`: the callback and export state shown by the attachments API. */
@Injectable()
export class AttachmentStatusService implements AttachmentStatusPort {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async statusFor(
    attachmentIds: string[],
  ): Promise<Map<string, { callback?: AttachmentCallbackInfo; export?: AttachmentExportInfo }>> {
    const map = new Map<string, { callback?: AttachmentCallbackInfo; export?: AttachmentExportInfo }>();
    for (const d of await this.deliveries.forAttachments(attachmentIds)) {
      if (!d.attachmentId) continue;
      const entry = map.get(d.attachmentId) ?? {};
      if (d.kind === 'callback') entry.callback = callbackInfo(d);
      if (d.kind === 'export') entry.export = exportInfo(d);
      map.set(d.attachmentId, entry);
    }
    return map;
  }
}
