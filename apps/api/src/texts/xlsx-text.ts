import type JSZip from 'jszip';

/** Unpacked XML read from one workbook at most: a small file can inflate to gigabytes (zip bomb). */
export const XLSX_MAX_XML_BYTES = 64 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The text runs of one string item (`<si>` or `<is>`), phonetic guides left out. */
function runsText(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...visible.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1])).join('');
}

export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]));
}

function cellText(attrs: string, body: string, strings: string[]): string {
  const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
  if (type === 'inlineStr') return runsText(body);
  const value = /<v\b[^>]*>([^<]*)<\/v>/.exec(body)?.[1];
  if (value === undefined) return '';
  if (type === 's') return strings[Number(value)] ?? '';
  return decodeXml(value);
}

/** One sheet as lines of tab-separated cells (extraction later folds tabs into spaces) (formulas give way to their cached values). */
export function sheetText(xml: string, strings: string[]): string {
  const lines: string[] = [];
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [...row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)]
      .map((c) => cellText(c[1], c[2] ?? '', strings).trim())
      .filter(Boolean);
    if (cells.length) lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}

const sheetNumber = (path: string) => Number(/sheet(\d+)\.xml$/.exec(path)?.[1] ?? 0);

/** Reads entries in order while the unpacked total stays under the cap; past it, stops there. */
class XmlBudget {
  private left = XLSX_MAX_XML_BYTES;
  read(file: JSZip.JSZipObject): Promise<string | null> {
    if (this.left <= 0) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const stream = file.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= this.left) return void chunks.push(chunk);
          this.left = 0;
          stream.pause();
          resolve(null);
        })
        .on('error', reject)
        .on('end', () => {
          this.left -= size;
          resolve(Buffer.concat(chunks).toString('utf8'));
        })
        .resume();
    });
  }
}

/** Every sheet's cell text, in sheet order, until `maxChars`. */
export async function xlsxText(zip: JSZip, maxChars: number): Promise<string> {
  const budget = new XmlBudget();
  const stringsFile = zip.file('xl/sharedStrings.xml');
  const strings = stringsFile ? sharedStrings((await budget.read(stringsFile)) ?? '') : [];
  const sheets = zip
    .file(/^xl\/worksheets\/sheet\d+\.xml$/)
    .sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  let out = '';
  for (const sheet of sheets) {
    const xml = await budget.read(sheet);
    if (xml === null) break;
    out += `${sheetText(xml, strings)}\n`;
    if (out.length >= maxChars) break;
  }
  return out;
}
