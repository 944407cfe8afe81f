import type { AttachmentDto } from '@satchel/contracts';
import { isInlineSafe } from '@satchel/domain';

export type ViewerKind = 'image' | 'pdf';

/** Quarantined by the malware scanner: never shown, never downloadable. */
export const isQuarantined = (a: AttachmentDto): boolean => a.trust?.scan === 'infected';

/**
 * What the viewer may show: raster images and PDFs the server serves inline. Quarantined, expired
 * and active-content files (PDF JavaScript, SVG) are never rendered, only listed.
 */
export function viewerKind(a: AttachmentDto): ViewerKind | null {
  if (isQuarantined(a) || a.expiredAt || a.trust?.activeContent || !isInlineSafe(a.contentType)) return null;
  if (a.contentType === 'application/pdf') return 'pdf';
  return a.contentType.startsWith('image/') ? 'image' : null;
}

/** The Files tab's groups. */
export type FileGroup = 'images' | 'documents' | 'other';

const DOCUMENT =
  /^(application\/(pdf|msword|rtf|vnd\.ms-(excel|powerpoint)|vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.)|text\/)/;

export function fileGroup(contentType: string): FileGroup {
  if (contentType.startsWith('image/')) return 'images';
  return DOCUMENT.test(contentType) ? 'documents' : 'other';
}
