import { formatBytes, isInlineSafe } from '@satchel/domain';

export type PreviewKind = 'image' | 'pdf' | 'none';

/** What the side panel can show safely: raster images and PDF only (never SVG or HTML). */
export function previewKind(contentType: string): PreviewKind {
  if (!isInlineSafe(contentType)) return 'none';
  return contentType === 'application/pdf' ? 'pdf' : contentType.startsWith('image/') ? 'image' : 'none';
}

const ICONS: [RegExp, string][] = [
  [/^image\//, 'image'],
  [/pdf$/, 'picture_as_pdf'],
  [/^video\//, 'movie'],
  [/^audio\//, 'audio_file'],
  [/(spreadsheet|excel|csv)/, 'table_chart'],
  [/(word|document|rtf|opendocument\.text)/, 'description'],
  [/(presentation|powerpoint)/, 'slideshow'],
  [/(zip|compressed|tar|gzip|7z|rar)/, 'folder_zip'],
  [/^text\//, 'article'],
];

export function iconFor(contentType: string): string {
  return ICONS.find(([re]) => re.test(contentType))?.[1] ?? 'insert_drive_file';
}

export function sizeLabel(bytes: number): string {
  return formatBytes(bytes);
}

/** Saves a blob under the file's display name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
