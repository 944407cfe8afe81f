import { randomBytes } from 'node:crypto';

/**
 * The on-storage format of an encrypted object (STREAM construction, as in Tink's streaming AEAD
 * and age): a short header, then the plaintext in fixed-size segments, each sealed with
 * AES-256-GCM under the object's own data key. A segment's nonce is the header's random prefix,
 * its index and a final-segment flag, so reordered, dropped or truncated segments fail to open.
 * The data key itself is not in the object: it is wrapped by a master key and kept in the
 * database, so re-wrapping under a new master key never rewrites objects.
 *
 *   magic "SATCHEL" | version 0x01 | segment size (uint32 BE) | nonce prefix (7 bytes)
 */
export const MAGIC = Buffer.from('SATCHEL\x01', 'latin1');
export const NONCE_PREFIX_BYTES = 7;
export const HEADER_BYTES = MAGIC.length + 4 + NONCE_PREFIX_BYTES;
export const TAG_BYTES = 16;
export const DEFAULT_SEGMENT_BYTES = 256 * 1024;
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

export interface SegmentHeader {
  segmentBytes: number;
  noncePrefix: Buffer;
  /** The header bytes, authenticated with every segment. */
  raw: Buffer;
}

export function newHeader(segmentBytes = DEFAULT_SEGMENT_BYTES): SegmentHeader {
  const raw = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(raw, 0);
  raw.writeUInt32BE(segmentBytes, MAGIC.length);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  noncePrefix.copy(raw, MAGIC.length + 4);
  return { segmentBytes, noncePrefix, raw };
}

export function startsWithMagic(head: Buffer): boolean {
  return head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC);
}

/** Undefined when `raw` is not a header this version wrote. */
export function parseHeader(raw: Buffer): SegmentHeader | undefined {
  if (raw.length < HEADER_BYTES || !startsWithMagic(raw)) return undefined;
  const segmentBytes = raw.readUInt32BE(MAGIC.length);
  if (segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) return undefined;
  const header = Buffer.from(raw.subarray(0, HEADER_BYTES));
  return { segmentBytes, noncePrefix: header.subarray(MAGIC.length + 4), raw: header };
}

export function segmentNonce(header: SegmentHeader, index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  header.noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

/** Segments of a stored object of `storedBytes` (every object has at least one, maybe empty). */
export function segmentCount(storedBytes: number, segmentBytes: number): number {
  const body = storedBytes - HEADER_BYTES;
  return Math.max(1, Math.ceil(body / (segmentBytes + TAG_BYTES)));
}

export function plaintextSize(storedBytes: number, segmentBytes: number): number {
  return storedBytes - HEADER_BYTES - segmentCount(storedBytes, segmentBytes) * TAG_BYTES;
}

/** Where segment `index` starts in the stored object. */
export function segmentOffset(index: number, segmentBytes: number): number {
  return HEADER_BYTES + index * (segmentBytes + TAG_BYTES);
}

/** Stored bytes of a `plainBytes` object (known up front when the caller passes a size). */
export function encryptedSize(plainBytes: number, segmentBytes: number): number {
  return HEADER_BYTES + plainBytes + Math.max(1, Math.ceil(plainBytes / segmentBytes)) * TAG_BYTES;
}
