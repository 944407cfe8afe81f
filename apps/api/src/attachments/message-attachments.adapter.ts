import { Injectable } from '@nestjs/common';
import type { AttachmentDto } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ValidationError } from '../common/errors/domain-errors';
import type { MessageAttachmentsPort } from '../chats/message-attachments.port';
import { AttachmentPresenter } from './attachment-presenter';
import { AttachmentsRepository } from './attachments.repository';

/**
 * `MESSAGE_ATTACHMENTS` for chats: a message may carry attachments stored in its chat and not yet
 * sent (visitors: only their own uploads); staff may also attach their chat-less seed 001 uploads.
 */
@Injectable()
export class MessageAttachmentsAdapter implements MessageAttachmentsPort {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly presenter: AttachmentPresenter,
  ) {}

  async link(
    principal: Principal,
    chatId: string,
    messageId: string,
    ids: string[],
  ): Promise<AttachmentDto[]> {
    const rows = await this.attachments.link(
      principal.accountId,
      chatId,
      messageId,
      ids,
      principal.kind === 'visitor',
    );
    if (rows.length !== ids.length) {
      const missing = ids.filter((id) => !rows.some((r) => r.id === id));
      throw new ValidationError(`Unknown or already sent attachment: ${missing.join(', ')}`, 'attachmentIds');
    }
    const quarantined = rows.filter((r) => r.scanStatus === 'infected').map((r) => r.id);
    if (quarantined.length)
      throw new ValidationError(`Quarantined attachment: ${quarantined.join(', ')}`, 'attachmentIds', {
        code: 'FILE_QUARANTINED',
      });
    const scanning = rows.filter((r) => r.scanStatus === 'scanning').map((r) => r.id);
    if (scanning.length)
      throw new ValidationError(`Attachment still being scanned: ${scanning.join(', ')}`, 'attachmentIds', {
        code: 'FILE_SCANNING',
      });
    return this.presenter.present(principal.accountId, rows, { withStatus: false });
  }

  async forMessages(messageIds: string[]): Promise<Map<string, AttachmentDto[]>> {
    const rows = await this.attachments.forMessages(messageIds);
    const byMessage = new Map<string, AttachmentDto[]>();
    const accountId = rows[0]?.accountId;
    if (!accountId) return byMessage;
    for (const dto of await this.presenter.present(accountId, rows)) {
      const list = byMessage.get(dto.messageId as string) ?? [];
      list.push(dto);
      byMessage.set(dto.messageId as string, list);
    }
    return byMessage;
  }
}
