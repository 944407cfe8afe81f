import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AttachmentDto, AttachmentPreviewInfo } from '@satchel/contracts';
import { ATTACHMENT_STATUS, type AttachmentStatusPort } from './attachment-status.port';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentLinks } from './attachment-links';
import { NO_PREVIEW, PREVIEW_STATE, type PreviewStatePort } from './preview-state.port';

export interface PresentOptions {
  accessTokenRequired?: boolean;
  withStatus?: boolean;
}

export function toAttachmentDto(
  attachment: AttachmentEntity,
  url: string,
  preview: AttachmentPreviewInfo = NO_PREVIEW,
): AttachmentDto {
  return {
    id: attachment.id,
    chatId: attachment.chatId,
    messageId: attachment.messageId,
    name: attachment.name,
    size: attachment.size,
    contentType: attachment.contentType,
    sha256: attachment.sha256,
    url,
    createdAt: attachment.createdAt.toISOString(),
    uploadedBy: {
      role: attachment.uploadedByRole,
      id: attachment.uploadedById,
      name: attachment.uploadedByName,
    },
    preview: attachment.expiredAt ? NO_PREVIEW : preview,
    ...(attachment.expiredAt ? { expiredAt: attachment.expiredAt.toISOString() } : {}),
    ...(attachment.endUserId ? { endUserId: attachment.endUserId } : {}),
    ...(attachment.channel ? { channel: attachment.channel } : {}),
    trust: {
      encrypted: attachment.encrypted,
      scan: attachment.scanStatus ?? 'off',
      ...(attachment.scanSignature ? { signature: attachment.scanSignature } : {}),
      ...(attachment.activeContent ? { activeContent: attachment.activeContent } : {}),
    },
  };
}

/** Attachment rows as API objects: signed `url`, plus callback/export status when integrations run. */
@Injectable()
export class AttachmentPresenter {
  constructor(
    private readonly links: AttachmentLinks,
    private readonly settings: UploadSettingsService,
    @Optional() @Inject(ATTACHMENT_STATUS) private readonly status?: AttachmentStatusPort,
    @Optional() @Inject(PREVIEW_STATE) private readonly previews?: PreviewStatePort,
  ) {}

  /**
   * Rows of one account. `accessTokenRequired` may be passed when the caller already read it;
   * `withStatus: false` skips the integrations lookup (for rows created a moment ago).
   */
  async present(
    accountId: string,
    rows: AttachmentEntity[],
    opts: PresentOptions = {},
  ): Promise<AttachmentDto[]> {
    if (rows.length === 0) return [];
    const tokens = opts.accessTokenRequired ?? (await this.settings.get(accountId)).accessTokenRequired;
    const previews = await this.previews?.previewsFor(accountId, rows, tokens);
    const dtos = rows.map((r) => toAttachmentDto(r, this.links.url(r.id, tokens), previews?.get(r.id)));
    if (!this.status || opts.withStatus === false) return dtos;
    const status = await this.status.statusFor(dtos.map((d) => d.id));
    return dtos.map((d) => ({ ...d, ...status.get(d.id) }));
  }

  async presentOne(row: AttachmentEntity, opts: PresentOptions = {}): Promise<AttachmentDto> {
    const [dto] = await this.present(row.accountId, [row], opts);
    return dto;
  }
}
