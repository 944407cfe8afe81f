import type { AttachmentDto, MessageDto } from '@satchel/contracts';

/** What `on('message', fn)` receives: the message without internal URLs. */
export interface HostMessage {
  id: string;
  chatId: string;
  text: string;
  createdAt: string;
  author: { role: string; name: string };
  attachments: HostFile[];
}

/** What `on('file', fn)` receives, once per file in a new message. */
export interface HostFile {
  id: string;
  messageId: string | null;
  name: string;
  size: number;
  contentType: string;
  author: { role: string; name: string };
}

export function hostFile(a: AttachmentDto): HostFile {
  return {
    id: a.id,
    messageId: a.messageId,
    name: a.name,
    size: a.size,
    contentType: a.contentType,
    author: { role: a.uploadedBy.role, name: a.uploadedBy.name },
  };
}

export function hostMessage(m: MessageDto): HostMessage {
  return {
    id: m.id,
    chatId: m.chatId,
    text: m.text,
    createdAt: m.createdAt,
    author: { role: m.author.role, name: m.author.name },
    attachments: m.attachments.map(hostFile),
  };
}
