import { docx, textPdf } from '../../test/support/documents';
import { extractableKind, extractText, UnreadableDocumentError } from './text-extractor';

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

  it('refuses damaged documents as unreadable (not retried)', async () => {
    await expect(extractText('pdf', Buffer.from('%PDF-1.4 garbage'))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
    await expect(extractText('docx', Buffer.from('PK garbage'))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
  });

  it('knows which types have text', () => {
    expect(extractableKind('application/pdf')).toBe('pdf');
    expect(extractableKind('text/csv')).toBe('text');
    expect(extractableKind('image/png')).toBeNull();
  });
});
