import { t } from '../i18n/i18n';
import { extensionOf } from '@satchel/domain';
import { previewPdf } from '../pdf/pdf-loader';
import { h } from './dom';

export function isImage(type: string, name: string): boolean {
  return (
    /^image\/(png|jpe?g|gif|webp)$/.test(type) ||
    ['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(extensionOf(name))
  );
}

export function isPdf(type: string, name: string): boolean {
  return type === 'application/pdf' || extensionOf(name) === 'pdf';
}

/** A small square preview of a local or downloaded file: the image, the PDF's first page, or a type badge. */
export function iconFor(
  blob: Blob | null,
  name: string,
  type: string,
  onPages?: (pages: number) => void,
): HTMLElement {
  const ext = extensionOf(name) || 'file';
  const icon = h('div', { class: `icon ${ext === 'pdf' ? 'pdf' : ''}` }, ext.toUpperCase().slice(0, 4));
  if (!blob) return icon;
  if (isImage(type, name)) {
    const img = h('img', { alt: name, src: URL.createObjectURL(blob) });
    icon.replaceChildren(img);
  } else if (isPdf(type, name)) {
    const canvas = h('canvas', { 'aria-label': t('firstPage', { name }) });
    previewPdf(blob, canvas, 80).then(
      (p) => {
        icon.replaceChildren(canvas);
        onPages?.(p.pages);
      },
      () => undefined,
    );
  }
  return icon;
}

export function pagesLabel(pages: number): string {
  return t('pages', { n: pages });
}
