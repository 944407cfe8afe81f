import type { AttachmentDto, AttachmentPreviewInfo, MessageDto } from '@satchel/contracts';
import type { FileCache } from '../offline/file-cache';
import { Conversation } from './conversation';
import { previewArrived, serverPreview } from './server-preview';

const KEY = 'satchel:messages:c1';
const pending: AttachmentPreviewInfo = { status: 'pending', width: null, height: null, placeholder: null };
const ready: AttachmentPreviewInfo = {
  status: 'ready',
  width: 300,
  height: 150,
  placeholder: null,
  smallUrl: '/v1/attachments/a1/preview/small?sig=1',
  pages: 3,
};

const attachment = (id: string, preview: AttachmentPreviewInfo): AttachmentDto => ({
  id,
  chatId: 'c1',
  messageId: 'm1',
  name: 'report.pdf',
  size: 2048,
  contentType: 'application/pdf',
  sha256: 'x',
  url: `/v1/attachments/${id}/content`,
  createdAt: '2026-01-01T00:00:01Z',
  uploadedBy: { role: 'operator', id: 'u1', name: 'Ann' },
  preview,
});

const message = (preview: AttachmentPreviewInfo): MessageDto => ({
  id: 'm1',
  chatId: 'c1',
  text: 'Our report',
  author: { role: 'operator', id: 'u1', name: 'Ann' },
  attachments: [attachment('a1', preview)],
  createdAt: '2026-01-01T00:00:01Z',
});

const loads: string[] = [];
const deps = {
  cache: {
    blob: (key: string) => {
      loads.push(key);
      return new Promise<Blob>(() => undefined);
    },
  } as unknown as FileCache,
  urlOf: () => '',
  resolve: (u: string) => u,
  openImage: () => undefined,
};

describe('previews of messages kept offline', () => {
  let log: HTMLElement;
  const conversation = () =>
    new Conversation(log, deps, { upload: jest.fn(), skip: jest.fn() }, KEY, () => undefined);
  const shownState = () => log.querySelector<HTMLImageElement>('img.server-preview')?.dataset['preview'];

  beforeEach(() => {
    localStorage.clear();
    loads.length = 0;
    log = document.createElement('div');
  });

  it('redraws a restored message whose preview became ready, and loads it through the offline cache', () => {
    localStorage.setItem(KEY, JSON.stringify([message(pending)]));
    const conv = conversation();
    conv.restore();
    expect(shownState()).toBe('pending');

    expect(conv.upsert(message(ready))).toBe(false);
    expect(log.querySelectorAll('[data-message]')).toHaveLength(1);
    expect(loads).toEqual(['a1:small']);
  });

  it('keeps an arrived preview in the offline copy, so a reload shows it without the server', () => {
    const conv = conversation();
    conv.upsert(message(pending));
    conv.previewed('a1', ready);
    const kept = JSON.parse(localStorage.getItem(KEY) ?? '[]') as MessageDto[];
    expect(kept[0].attachments[0].preview.status).toBe('ready');
  });

  it('shows a preview whose event overtook its message', () => {
    previewArrived('a2', { ...ready, smallUrl: '/v1/attachments/a2/preview/small' });
    serverPreview(attachment('a2', pending), {
      alt: 'x',
      size: 'small',
      resolve: (u) => u,
      load: (url) => {
        loads.push(url);
        return new Promise<Blob>(() => undefined);
      },
    });
    expect(loads).toEqual(['/v1/attachments/a2/preview/small']);
  });
});
