import type { AttachmentDto, AttachmentPreviewInfo } from '@satchel/contracts';
import { h } from './dom';

type Updater = (p: AttachmentPreviewInfo) => void;

/** Previews on screen that are still waiting for `attachment:previewed`, by attachment id. */
const waiting = new Map<string, Set<Updater>>();

/** Previews that arrived, for messages rendered after the event (it can overtake the message). */
const arrived = new Map<string, AttachmentPreviewInfo>();
const ARRIVED_LIMIT = 200;

/** `attachment:previewed` arrived: every element showing that attachment swaps its preview in. */
export function previewArrived(attachmentId: string, preview: AttachmentPreviewInfo): void {
  arrived.set(attachmentId, preview);
  if (arrived.size > ARRIVED_LIMIT) arrived.delete(arrived.keys().next().value as string);
  const updaters = waiting.get(attachmentId);
  waiting.delete(attachmentId);
  updaters?.forEach((u) => u(preview));
}

export function hasServerPreview(p: AttachmentPreviewInfo): boolean {
  return p.status === 'pending' || p.status === 'ready';
}

/** A `data:` URL as an object URL: host pages' CSP may allow `img-src blob:` only. */
function dataUrlToObjectUrl(dataUrl: string): string {
  const [head, b64] = dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? '' }));
}

export interface ServerPreviewOptions {
  alt: string;
  /** Which rendition: `small` fits 256², `large` 1280². */
  size: 'small' | 'large';
  resolve: (url: string) => string;
  /** The preview's state changed (its page count or duration became known). */
  onPreview?: (p: AttachmentPreviewInfo) => void;
  /** The rendition is on screen (it may have made the conversation taller). */
  onShown?: () => void;
  /** The server made no preview after all (failed): show something else. */
  onNone?: () => void;
  /** Downloads the rendition (the widget keeps it in its offline cache); `fetch` by default. */
  load?: (url: string) => Promise<Blob>;
}

const download = (url: string): Promise<Blob> =>
  fetch(url).then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))));

/**
 * The server's preview of an attachment: a grey box while it is made, then the tiny blurred
 * placeholder, then the WebP rendition (`data-preview` says which is showing).
 */
export function serverPreview(a: AttachmentDto, o: ServerPreviewOptions): HTMLImageElement {
  const img = h('img', { alt: o.alt, class: 'server-preview' });
  const paint = (given: AttachmentPreviewInfo) => {
    const p = given.status === 'pending' ? (arrived.get(a.id) ?? given) : given;
    o.onPreview?.(p);
    if (p.width && p.height) img.style.aspectRatio = `${p.width} / ${p.height}`;
    if (p.status === 'pending') {
      img.dataset['preview'] = 'pending';
      const set = waiting.get(a.id) ?? new Set<Updater>();
      waiting.set(a.id, set.add(paint));
      return;
    }
    const url = o.size === 'small' ? p.smallUrl : p.largeUrl;
    if (p.status !== 'ready' || !url) {
      img.dataset['preview'] = 'none';
      o.onNone?.();
      return;
    }
    if (p.placeholder) {
      img.src = dataUrlToObjectUrl(p.placeholder);
      img.dataset['preview'] = 'placeholder';
    }
    (o.load ?? download)(o.resolve(url))
      .then((b) => {
        img.addEventListener('load', () => o.onShown?.(), { once: true });
        img.src = URL.createObjectURL(b);
        img.dataset['preview'] = 'ready';
      })
      .catch(() => o.onNone?.());
  };
  paint(a.preview);
  return img;
}
