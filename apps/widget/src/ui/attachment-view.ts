import type { AttachmentDto, AttachmentPreviewInfo } from '@satchel/contracts';
import type { FileCache } from '../offline/file-cache';
import { h } from './dom';
import { i18n, t } from '../i18n/i18n';
import { fileNameEl } from './file-name';
import { iconFor, isImage, isPdf, pagesLabel } from './previews';
import { hasServerPreview, serverPreview } from './server-preview';

export interface AttachmentViewDeps {
  cache: FileCache;
  /** Resolves the attachment's (signed) download URL against the API base. */
  urlOf: (a: AttachmentDto) => string;
  /** Resolves a (signed) preview URL against the API base. */
  resolve: (url: string) => string;
  openImage: (blob: Blob, name: string) => void;
}

/**
 * An attachment in the conversation: an image thumbnail (opens full size), or a file card with
 * the server's preview (PDF first page, HEIC photo, video poster) above it when there is one.
 */
export function attachmentView(a: AttachmentDto, deps: AttachmentViewDeps): HTMLElement {
  if (isImage(a.contentType, a.name)) return imageView(a, deps);
  return fileView(a, deps);
}

function imageView(a: AttachmentDto, deps: AttachmentViewDeps): HTMLElement {
  const original = () => deps.cache.blob(a.id, deps.urlOf(a), a.size);
  const btn = h('button', {
    type: 'button',
    class: 'thumb',
    'data-attachment': a.id,
    title: t('openFile', { name: a.name }),
  });
  const loaded = () => {
    btn.dataset['loaded'] = 'true';
    grew(btn);
  };
  // No server preview (turned off, failed, or offline): the original, from the offline cache.
  const fromOriginal = () => {
    const img = h('img', { alt: a.name });
    btn.replaceChildren(img);
    original().then(
      (b) => {
        img.addEventListener('load', loaded, { once: true });
        img.src = URL.createObjectURL(b);
      },
      () => btn.replaceChildren(`${a.name} (unavailable offline)`),
    );
  };
  if (hasServerPreview(a.preview))
    btn.append(
      serverPreview(a, {
        alt: a.name,
        size: 'small',
        resolve: deps.resolve,
        onShown: loaded,
        onNone: fromOriginal,
        load: (url) => deps.cache.blob(`${a.id}:small`, url, 0),
      }),
    );
  else fromOriginal();
  btn.addEventListener('click', () => void original().then((b) => deps.openImage(b, a.name)));
  return btn;
}

function fileView(a: AttachmentDto, deps: AttachmentViewDeps): HTMLElement {
  const pdf = isPdf(a.contentType, a.name);
  const sub = h('div', { class: 'sub' }, subText(a.size, a.preview));
  const bar = h('progress', {
    max: '100',
    value: '0',
    hidden: true,
    'aria-label': t('downloadProgress', { name: a.name }),
  });
  const download = h('button', { type: 'button', class: 'download' }, t('download'));
  const card = h(
    'div',
    { class: 'card', 'data-attachment': a.id, 'data-kind': pdf ? 'pdf' : 'file' },
    iconFor(null, a.name, a.contentType),
    h('div', { class: 'meta' }, fileNameEl(a.name), sub, bar),
    download,
  );
  download.addEventListener('click', () => {
    bar.hidden = false;
    download.disabled = true;
    deps.cache
      .blob(
        a.id,
        deps.urlOf(a),
        a.size,
        (loaded, total) => (bar.value = total ? Math.round((loaded / total) * 100) : 0),
      )
      .then((b) => saveBlob(b, a.name))
      .catch(() => (sub.textContent = `${i18n.size(a.size)} · ${t('downloadFailed')}`))
      .finally(() => {
        bar.hidden = true;
        download.disabled = false;
      });
  });
  if (!hasServerPreview(a.preview)) return card;
  const wrap = h('div', { class: pdf ? 'pdf-preview' : 'file-preview' }, card);
  let latest = a.preview;
  const open = h('button', { type: 'button', class: 'thumb', title: `Open the preview of ${a.name}` });
  open.append(
    serverPreview(a, {
      alt: pdf ? t('firstPage', { name: a.name }) : `Preview of ${a.name}`,
      size: 'small',
      resolve: deps.resolve,
      onPreview: (p) => {
        latest = p;
        sub.textContent = subText(a.size, p);
      },
      onShown: () => grew(wrap),
      onNone: () => open.remove(),
      load: (url) => deps.cache.blob(`${a.id}:small`, url, 0),
    }),
  );
  open.addEventListener('click', () => {
    const large = latest.largeUrl;
    if (large)
      void fetch(deps.resolve(large))
        .then((r) => r.blob())
        .then((b) => deps.openImage(b, a.name));
  });
  wrap.prepend(open);
  return wrap;
}

function subText(size: number, p: AttachmentPreviewInfo): string {
  const parts = [i18n.size(size)];
  if (p.pages) parts.push(`PDF · ${pagesLabel(p.pages)}`);
  if (p.durationSeconds) parts.push(durationLabel(p.durationSeconds));
  return parts.join(' · ');
}

function durationLabel(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A preview finished loading and made the conversation taller (the log keeps the newest in view). */
export const PREVIEW_LOADED = 'satchel-preview-loaded';
const grew = (el: Element) => el.dispatchEvent(new Event(PREVIEW_LOADED, { bubbles: true }));

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
