import type { AttachmentDto } from '@satchel/contracts';
import type { FileCache } from '../offline/file-cache';
import { previewPdf } from '../pdf/pdf-loader';
import { h } from './dom';
import { i18n, t } from '../i18n/i18n';
import { fileNameEl } from './file-name';
import { iconFor, isImage, isPdf, pagesLabel } from './previews';

export interface AttachmentViewDeps {
  cache: FileCache;
  /** Resolves the attachment's (signed) download URL against the API base. */
  urlOf: (a: AttachmentDto) => string;
  openImage: (blob: Blob, name: string) => void;
}

/** An attachment in the conversation: image thumbnail (opens full size), PDF card with preview, or a file card. */
export function attachmentView(a: AttachmentDto, deps: AttachmentViewDeps): HTMLElement {
  if (isImage(a.contentType, a.name)) return imageView(a, deps);
  return fileView(a, deps, isPdf(a.contentType, a.name));
}

function imageView(a: AttachmentDto, deps: AttachmentViewDeps): HTMLElement {
  const img = h('img', { alt: a.name });
  const btn = h(
    'button',
    { type: 'button', class: 'thumb', 'data-attachment': a.id, title: t('openFile', { name: a.name }) },
    img,
  );
  const blob = deps.cache.blob(a.id, deps.urlOf(a), a.size);
  blob.then(
    (b) => {
      img.addEventListener('load', () => grew(btn), { once: true });
      img.src = URL.createObjectURL(b);
      btn.dataset['loaded'] = 'true';
    },
    () => btn.replaceChildren(`${a.name} (unavailable offline)`),
  );
  btn.addEventListener('click', () => void blob.then((b) => deps.openImage(b, a.name)));
  return btn;
}

function fileView(a: AttachmentDto, deps: AttachmentViewDeps, pdf: boolean): HTMLElement {
  const sub = h('div', { class: 'sub' }, i18n.size(a.size));
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
  if (!pdf) return card;
  const canvas = h('canvas', { 'aria-label': t('firstPage', { name: a.name }) });
  const wrap = h('div', { class: 'pdf-preview' }, card);
  deps.cache
    .blob(a.id, deps.urlOf(a), a.size)
    .then((b) => previewPdf(b, canvas, 200))
    .then((p) => {
      sub.textContent = `${i18n.size(a.size)} · PDF · ${pagesLabel(p.pages)}`;
      wrap.prepend(canvas);
      grew(wrap);
    })
    .catch(() => undefined);
  return wrap;
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
