import type { FileRequestDto, MessageDto } from '@satchel/contracts';
import type { FileCache } from '../offline/file-cache';
import { Conversation } from './conversation';

const msg = (
  id: string,
  at: string,
  role: MessageDto['author']['role'] = 'visitor',
  text = id,
): MessageDto => ({
  id,
  chatId: 'c1',
  text,
  author: { role, id: null, name: role },
  attachments: [],
  createdAt: at,
});

const request = (over: Partial<FileRequestDto>): FileRequestDto => ({
  id: 'r1',
  chatId: 'c1',
  messageId: 'm2',
  prompt: 'Your invoice',
  allowedTypes: 'pdf',
  maxSizeKb: null,
  skippable: true,
  status: 'open',
  requestedBy: { role: 'bot', id: null, name: 'Bot' },
  fulfilledMessageId: null,
  createdAt: '2026-01-01T00:00:02Z',
  resolvedAt: null,
  ...over,
});

describe('Conversation', () => {
  let log: HTMLElement;
  let conv: Conversation;
  const actions = { upload: jest.fn(), skip: jest.fn() };

  beforeEach(() => {
    localStorage.clear();
    log = document.createElement('div');
    const deps = {
      cache: {} as FileCache,
      urlOf: () => '',
      resolve: (u: string) => u,
      openImage: () => undefined,
    };
    conv = new Conversation(log, deps, actions, 'satchel:messages:c1', () => undefined);
  });

  const order = () =>
    [...log.querySelectorAll('[data-message]')].map((e) => (e as HTMLElement).dataset['message']);

  it('keeps messages in time order, once each, whatever order they arrive in (socket and history)', () => {
    conv.upsert(msg('m3', '2026-01-01T00:00:03Z'));
    conv.upsert(msg('m1', '2026-01-01T00:00:01Z'));
    conv.upsert(msg('m2', '2026-01-01T00:00:02Z', 'bot'));
    conv.upsert(msg('m1', '2026-01-01T00:00:01Z'));
    expect(order()).toEqual(['m1', 'm2', 'm3']);
    expect(log.querySelector('[data-message="m2"]')?.classList.contains('mine')).toBe(false);
  });

  it('restores the conversation kept from the last visit', () => {
    conv.upsert(msg('m1', '2026-01-01T00:00:01Z'));
    const other = document.createElement('div');
    const deps = {
      cache: {} as FileCache,
      urlOf: () => '',
      resolve: (u: string) => u,
      openImage: () => undefined,
    };
    new Conversation(other, deps, actions, 'satchel:messages:c1', () => undefined).restore();
    expect(other.querySelector('[data-message="m1"] .text')?.textContent).toBe('m1');
  });

  it('shows an upload button (and skip) on the message that asks for a file, then the outcome', () => {
    conv.upsert(msg('m2', '2026-01-01T00:00:02Z', 'bot', 'Your invoice'));
    conv.setRequest(request({}));
    const view = log.querySelector('[data-message="m2"]') as HTMLElement;
    (view.querySelector('button.upload') as HTMLButtonElement).click();
    expect(actions.upload).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }));
    expect(view.querySelector('button.skip')).not.toBeNull();
    conv.setRequest(request({ status: 'fulfilled' }));
    expect(view.querySelector('button.upload')).toBeNull();
    expect(view.textContent).toContain('File received');
    expect(conv.openRequests()).toEqual([]);
  });
});
