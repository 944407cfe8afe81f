import type { MessageDto } from '@satchel/contracts';
import { mergeMessages, nearBottom, nearTop } from './message-log';

const msg = (id: string, createdAt: string): MessageDto =>
  ({ id, chatId: 'c', createdAt, text: id, attachments: [] }) as unknown as MessageDto;

describe('message log helpers', () => {
  it('merges an older page before the shown messages, without duplicates, oldest first', () => {
    const shown = [msg('m3', '2026-01-01T00:00:03Z'), msg('m4', '2026-01-01T00:00:04Z')];
    const older = [msg('m1', '2026-01-01T00:00:01Z'), msg('m2', '2026-01-01T00:00:02Z'), shown[0]];
    expect(mergeMessages(older, shown).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('orders messages of the same instant by id', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(mergeMessages([msg('b', t)], [msg('a', t)]).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('tells when the log is scrolled to its top or bottom', () => {
    expect(nearTop({ scrollTop: 10, scrollHeight: 5000, clientHeight: 500 })).toBe(true);
    expect(nearTop({ scrollTop: 400, scrollHeight: 5000, clientHeight: 500 })).toBe(false);
    expect(nearBottom({ scrollTop: 4480, scrollHeight: 5000, clientHeight: 500 })).toBe(true);
    expect(nearBottom({ scrollTop: 3000, scrollHeight: 5000, clientHeight: 500 })).toBe(false);
  });
});
