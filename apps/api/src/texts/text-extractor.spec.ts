import { docx, textPdf, xlsx } from '../../test/support/documents';
import { zipOf } from '@satchel/testing';
import { extractableKind, extractText, UnreadableDocumentError } from './text-extractor';
import { XLSX_MAX_XML_BYTES } from './xlsx-text';

describe('text extraction', () => {
  it('reads the text of every page of a PDF', async () => {
    const text = await extractText(
      'pdf',
      textPdf(['Quarterly invoice for Zanzibar Ltd', 'Page two (refund)']),
    );
    expect(text).toContain('Quarterly invoice for Zanzibar Ltd');
    expect(text).toContain('Page two (refund)');
  });

  it('reads the paragraphs of a DOCX', async () => {
    const text = await extractText('docx', docx(['Rental contract', 'Tenant: Ölaf & Sons <ltd>']));
    expect(text).toBe('Rental contract\nTenant: Ölaf & Sons <ltd>');
  });

  it('reads the cells of every sheet of an XLSX, row by row', async () => {
    const book = xlsx([
      [
        ['Invoice', 'Amount'],
        ['Zanzibar & Co <ltd>', 4711.5],
      ],
      [['inline:Second sheet note']],
    ]);
    expect(await extractText('xlsx', book)).toBe(
      'Invoice Amount\nZanzibar & Co <ltd> 4711.5\nSecond sheet note',
    );
  });

  it('stops reading a workbook whose XML inflates past the cap (zip bomb)', async () => {
    const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>bomb</t></is></c></row>`;
    const huge = `<worksheet><sheetData>${row.repeat((XLSX_MAX_XML_BYTES / row.length) | 0)}${row}</sheetData></worksheet>`;
    const bomb = zipOf(
      {
        'xl/worksheets/sheet1.xml':
          '<worksheet><sheetData><row><c t="inlineStr"><is><t>first</t></is></c></row></sheetData></worksheet>',
        'xl/worksheets/sheet2.xml': huge,
      },
      { deflate: true },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await extractText('xlsx', bomb)).toBe('first');
  });

  it('refuses damaged documents as unreadable (not retried)', async () => {
    await expect(extractText('pdf', Buffer.from('%PDF-1.4 garbage'))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
    await expect(extractText('docx', Buffer.from('PK garbage'))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
    await expect(extractText('xlsx', Buffer.from('PK garbage'))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
  });

  it('knows which types have text', () => {
    expect(extractableKind('application/pdf')).toBe('pdf');
    expect(extractableKind('text/csv')).toBe('text');
    expect(extractableKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
    expect(extractableKind('image/png')).toBeNull();
  });
});
