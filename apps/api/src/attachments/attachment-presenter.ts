import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AttachmentDto } from '@satchel/contracts';
import { ATTACHMENT_STATUS, type AttachmentStatusPort } from '../chats/attachment-status.port';
import { UploadSettingsService } from '../upload-settings/upload-settings.service';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentLinks } from './attachment-links';

export interface PresentOptions {
  accessTokenRequired?: boolean;
  withStatus?: boolean;
}

export function toAttachmentDto(a: AttachmentEntity, url: string): AttachmentDto {
  return {
    id: a.id,
    chatId: a.chatId,
    messageId: a.messageId,
    name: a.name,
    size: a.size,
    contentType: a.contentType,
    sha256: a.sha256,
    url,
    createdAt: a.createdAt.toISOString(),
    uploadedBy: { role: a.uploadedByRole, id: a.uploadedById, name: a.uploadedByName },
  };
}

/** Attachment rows as API objects: signed `url`, plus callback/export status when integrations run. */
@Injectable()
export class AttachmentPresenter {
  constructor(
    private readonly links: AttachmentLinks,
    private readonly settings: UploadSettingsService,
    @Optional() @Inject(ATTACHMENT_STATUS) private readonly status?: AttachmentStatusPort,
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
    const dtos = rows.map((r) => toAttachmentDto(r, this.links.url(r.id, tokens)));
    if (!this.status || opts.withStatus === false) return dtos;
    const status = await this.status.statusFor(dtos.map((d) => d.id));
    return dtos.map((d) => ({ ...d, ...status.get(d.id) }));
  }

  async presentOne(row: AttachmentEntity, opts: PresentOptions = {}): Promise<AttachmentDto> {
    const [dto] = await this.present(row.accountId, [row], opts);
    return dto;
  }
}
