import type { MessageDto, ReadReceipt } from '@satchel/contracts';
import { seenMessageId } from './seen';

const msg = (id: string, role: 'visitor' | 'operator', minute: number): MessageDto => ({
  id,
  chatId: 'c',
  text: id,
  author: { role, id: null, name: role },
  attachments: [],
  createdAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
});

const read = (messageId: string | null, minute: number): ReadReceipt => ({
  chatId: 'c',
  reader: { role: 'visitor', userId: null, name: 'V' },
  messageId,
  readAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
});

describe('seenMessageId', () => {
  const messages = [
    msg('a', 'operator', 1),
    msg('b', 'visitor', 2),
    msg('c', 'operator', 3),
    msg('d', 'operator', 4),
  ];

  it('is the newest of our messages up to the one the visitor read', () => {
    expect(seenMessageId(messages, read('c', 3))).toBe('c');
    expect(seenMessageId(messages, read('b', 2))).toBe('a');
    expect(seenMessageId(messages, read('d', 4))).toBe('d');
  });

  it('goes by the read time when the read message is not loaded, and is null before any read', () => {
    expect(seenMessageId(messages, read('elsewhere', 3))).toBe('c');
    expect(seenMessageId(messages, null)).toBeNull();
    expect(seenMessageId([msg('v', 'visitor', 1)], read('v', 1))).toBeNull();
  });
});
