/**
 * The file types Satchel knows, keyed by extension. `magic` lists the `file-type` extensions whose
 * signature the content must carry; types without a signature are checked by `text` sniffing rules.
 */
export interface KnownFileType {
  ext: string;
  mime: string;
  /** Extensions `file-type` reports for genuine content of this type; empty for signature-less text types. */
  magic: readonly string[];
  /** Safe to render inline in a browser (raster images and PDF only). */
  inline: boolean;
}

const t = (ext: string, mime: string, magic: readonly string[], inline = false): KnownFileType => ({
  ext,
  mime,
  magic,
  inline,
});

const OLE = ['cfb'];
const TABLE: KnownFileType[] = [
  t('jpg', 'image/jpeg', ['jpg'], true),
  t('jpeg', 'image/jpeg', ['jpg'], true),
  t('png', 'image/png', ['png', 'apng'], true),
  t('gif', 'image/gif', ['gif'], true),
  t('webp', 'image/webp', ['webp'], true),
  t('bmp', 'image/bmp', ['bmp'], true),
  t('avif', 'image/avif', ['avif'], true),
  t('heic', 'image/heic', ['heic']),
  t('heif', 'image/heif', ['heic', 'heif']),
  t('tif', 'image/tiff', ['tif']),
  t('tiff', 'image/tiff', ['tif']),
  t('ico', 'image/x-icon', ['ico']),
  t('svg', 'image/svg+xml', []),
  t('pdf', 'application/pdf', ['pdf'], true),
  t('doc', 'application/msword', OLE),
  t('xls', 'application/vnd.ms-excel', OLE),
  t('ppt', 'application/vnd.ms-powerpoint', OLE),
  t('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx', 'zip']),
  t('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx', 'zip']),
  t('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx', 'zip']),
  t('odt', 'application/vnd.oasis.opendocument.text', ['odt', 'zip']),
  t('ods', 'application/vnd.oasis.opendocument.spreadsheet', ['ods', 'zip']),
  t('odp', 'application/vnd.oasis.opendocument.presentation', ['odp', 'zip']),
  t('rtf', 'application/rtf', ['rtf']),
  t('zip', 'application/zip', ['zip']),
  t('gz', 'application/gzip', ['gz']),
  t('7z', 'application/x-7z-compressed', ['7z']),
  t('rar', 'application/x-rar-compressed', ['rar']),
  t('mp3', 'audio/mpeg', ['mp3']),
  t('wav', 'audio/wav', ['wav']),
  t('ogg', 'audio/ogg', ['ogg', 'oga']),
  t('m4a', 'audio/mp4', ['m4a', 'mp4']),
  t('mp4', 'video/mp4', ['mp4', 'm4v']),
  t('mov', 'video/quicktime', ['mov']),
  t('webm', 'video/webm', ['webm']),
  t('txt', 'text/plain', []),
  t('csv', 'text/csv', []),
  t('md', 'text/markdown', []),
  t('json', 'application/json', []),
  t('xml', 'application/xml', ['xml']),
  t('html', 'text/html', []),
  t('htm', 'text/html', []),
];

export const KNOWN_FILE_TYPES: ReadonlyMap<string, KnownFileType> = new Map(TABLE.map((ft) => [ft.ext, ft]));

export function knownFileType(ext: string): KnownFileType | undefined {
  return KNOWN_FILE_TYPES.get(ext.toLowerCase());
}

/** MIME types a browser may render inline without executing anything. */
export function isInlineSafe(mime: string): boolean {
  return TABLE.some((ft) => ft.inline && ft.mime === mime);
}

/** The usual extension for a MIME type (`image/jpeg` → `jpg`), ignoring parameters; undefined when unknown. */
export function extensionForMime(mime: string): string | undefined {
  const bare = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return TABLE.find((ft) => ft.mime === bare)?.ext;
}
