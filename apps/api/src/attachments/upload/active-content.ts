const OOXML_OR_ZIP =
  /^application\/(zip|vnd\.openxmlformats-officedocument\.|vnd\.ms-(word|excel|powerpoint)\.)/;

/** PDF names that make a viewer act: the reason each one is reported with. */
const PDF_NAMES: Record<string, string> = {
  JavaScript: 'PDF with JavaScript',
  JS: 'PDF with JavaScript',
  Launch: 'PDF with a launch action',
  EmbeddedFile: 'PDF with embedded files',
  EmbeddedFiles: 'PDF with embedded files',
};
const MACRO = 'Office document with macros';
/** A zip entry name (stored uncompressed in its local header): VBA macros in an Office file. */
const VBA_ENTRY = Buffer.from('vbaProject.bin');
const CARRY = 48;
/** Longest name of interest (`EmbeddedFiles`), even with every character `#xx`-escaped. */
const MAX_NAME = 40;
const SLASH = 0x2f;
/** PDF whitespace and delimiters end a name. */
const DELIMITER = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
  DELIMITER[b] = 1;
/** First bytes a name of interest can start with: J, L, E, or an escape. */
const FIRST = new Set([0x4a, 0x4c, 0x45, 0x23]);

const unescapeName = (s: string) =>
  s.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The reason for the first active PDF name in `buf`. A name running into the end of `buf` counts
 * only when the data ends there (`atEnd`); otherwise the next window sees it whole.
 */
function activePdfName(buf: Buffer, atEnd: boolean): string | undefined {
  for (let i = buf.indexOf(SLASH); i !== -1; i = buf.indexOf(SLASH, i + 1)) {
    if (!FIRST.has(buf[i + 1])) continue;
    let end = i + 1;
    while (end < buf.length && end - i <= MAX_NAME && !DELIMITER[buf[end]]) end++;
    if (end - i > MAX_NAME || (end === buf.length && !atEnd)) continue;
    const raw = buf.toString('latin1', i + 1, end);
    const reason = PDF_NAMES[raw.includes('#') ? unescapeName(raw) : raw];
    if (reason) return reason;
  }
  return undefined;
}

/**
 * Finds active content while a file streams: JavaScript, launch actions or embedded files in a PDF,
 * VBA macros in an Office document, any SVG. Looks at raw bytes with `indexOf` (names in
 * compressed object streams are not inflated), so it flags what a viewer acts on in the common
 * layouts at a small fraction of the upload's cost.
 */
export class ActiveContentDetector {
  private tail: Buffer = Buffer.alloc(0);
  private found: string | undefined;

  private constructor(private readonly kind: 'pdf' | 'office' | 'svg') {
    if (kind === 'svg') this.found = 'SVG image (it can carry scripts)';
  }

  /** Undefined for types that cannot carry active content. */
  static for(mime: string): ActiveContentDetector | undefined {
    if (mime === 'application/pdf') return new ActiveContentDetector('pdf');
    if (OOXML_OR_ZIP.test(mime)) return new ActiveContentDetector('office');
    if (mime === 'image/svg+xml') return new ActiveContentDetector('svg');
    return undefined;
  }

  update(chunk: Buffer): void {
    if (this.found) return;
    // Whatever straddles the previous chunk's end, then the chunk itself: no copy of the whole chunk.
    if (this.tail.length) this.inspect(Buffer.concat([this.tail, chunk.subarray(0, CARRY)]), false);
    if (!this.found) this.inspect(chunk, false);
    const recent = chunk.length < CARRY ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = Buffer.from(recent.subarray(Math.max(0, recent.length - CARRY)));
  }

  /** The data ended: a name right at the end counts. */
  finish(): void {
    if (!this.found) this.inspect(this.tail, true);
  }

  get reason(): string | undefined {
    return this.found;
  }

  private inspect(window: Buffer, atEnd: boolean): void {
    if (this.kind === 'pdf') this.found = activePdfName(window, atEnd);
    else if (this.kind === 'office' && window.includes(VBA_ENTRY)) this.found = MACRO;
  }
}
