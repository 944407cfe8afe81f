/**
 * clamd's verdict on a file; `off` when scanning was not configured for its upload; `scanning` while
 * a resumable upload waits for its verdict (not served, announced or shared until then).
 */
export type ScanStatus = 'clean' | 'infected' | 'unscanned' | 'scanning' | 'off';

/** What a clamd outage does to uploads: refuse them (503) or store them `unscanned` for a later rescan. */
export type ScanFailMode = 'closed' | 'open';

/** PDFs with JavaScript, launch actions or embedded files, macro documents and SVG: refused, or only ever downloaded. */
export type ActiveContentPolicy = 'refuse' | 'attachment';

/** `GET|PUT /v1/settings/trust`. */
export interface TrustSettings {
  encryptionAtRest: boolean;
  scanFailMode: ScanFailMode;
  activeContent: ActiveContentPolicy;
  /** Whether this deployment has a scanner (`CLAMAV_URL`); read only. */
  scanningAvailable: boolean;
}

/** Per file: how it is protected at rest and what the scanner said. */
export interface AttachmentTrustInfo {
  encrypted: boolean;
  scan: ScanStatus;
  /** The signature clamd matched, for an infected file. */
  signature?: string;
  /** Why the file is active content (it is then always served as an attachment). */
  activeContent?: string;
}

/** `GET /v1/quarantine`: an infected file, never served. */
export interface QuarantinedFileDto {
  id: string;
  chatId: string | null;
  name: string;
  size: number;
  contentType: string;
  signature: string;
  uploadedBy: { role: string; name: string };
  createdAt: string;
  scannedAt: string | null;
}
