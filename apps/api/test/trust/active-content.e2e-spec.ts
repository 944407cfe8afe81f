import request from 'supertest';
import { loginOwner, startVisitorChat, widgetKeyOf, type Session } from '../support/fixtures';
import { attachmentRows, pdfOfSize, setUploadSettings, storedFiles } from '../support/files';
import { startTestApp, type TestApp } from '../support/test-app';
import { wordDocument } from '@satchel/testing';

type Chat = { chatId: string; auth: Record<string, string> };

/** A PDF whose catalog runs JavaScript when opened, after `filler` bytes (so the name arrives late in the stream). */
function pdfWith(action: string, filler = 0): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from(`% ${'x'.repeat(filler)}\n`),
    Buffer.from(`1 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n2 0 obj\n${action}\nendobj\n`),
    Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}
const PDF_JS = pdfWith('<< /S /JavaScript /JS (app.alert\\(1\\)) >>', 200_000);
const PDF_JS_ESCAPED = pdfWith('<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>');
const PDF_LAUNCH = pdfWith('<< /S /Launch /F (calc.exe) >>');
const PDF_GOTO = pdfWith('<< /S /GoTo /D [0 /Fit] >>');
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>',
);

describe('active-content policy', () => {
  let t: TestApp;
  let owner: Session;
  let chat: Chat;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await loginOwner(t);
    await setUploadSettings(t, owner.auth, {
      visitor: { allowedTypes: 'pdf|docx|svg' },
      generateThumbnails: false,
    });
    chat = await startVisitorChat(t, await widgetKeyOf(t, owner));
  });
  afterAll(() => t.close());

  const upload = (name: string, body: Buffer) =>
    request(t.url).post(`/v1/chats/${chat.chatId}/attachments`).set(chat.auth).attach('files', body, name);
  const disposition = async (id: string): Promise<string> => {
    const res = await request(t.url).get(`/v1/attachments/${id}/content`).set(chat.auth).expect(200);
    return String(res.headers['content-disposition']);
  };
  const setPolicy = (activeContent: 'refuse' | 'attachment') =>
    request(t.url).put('/v1/settings/trust').set(owner.auth).send({ activeContent }).expect(200);

  it('by default stores active content but only ever serves it as an attachment', async () => {
    const js = (await upload('form.pdf', PDF_JS).expect(201)).body[0];
    expect(js.trust.activeContent).toBe('PDF with JavaScript');
    expect(await disposition(js.id)).toMatch(/^attachment;/);
    const macro = (await upload('report.docx', wordDocument(true)).expect(201)).body[0];
    expect(macro.trust.activeContent).toBe('Office document with macros');
    expect(await disposition(macro.id)).toMatch(/^attachment;/);
    const plain = (await upload('plain.pdf', pdfOfSize(5000)).expect(201)).body[0];
    expect(plain.trust.activeContent).toBeUndefined();
    expect(await disposition(plain.id)).toMatch(/^inline;/);
  });

  it('refused: names the reason, stores nothing, and lets inactive files through', async () => {
    await setPolicy('refuse');
    const rows = await attachmentRows(t);
    const cases: [string, Buffer, string][] = [
      ['form.pdf', PDF_JS, 'PDF with JavaScript'],
      ['escaped.pdf', PDF_JS_ESCAPED, 'PDF with JavaScript'],
      ['launch.pdf', PDF_LAUNCH, 'PDF with a launch action'],
      ['report.docx', wordDocument(true), 'Office document with macros'],
      ['logo.svg', SVG, 'SVG image (it can carry scripts)'],
    ];
    for (const [name, body, reason] of cases) {
      const res = await upload(name, body).expect(415);
      expect(res.body).toMatchObject({ code: 'ACTIVE_CONTENT_REFUSED', reason, file: name });
      expect(res.body.error).toContain(reason);
    }
    expect(await attachmentRows(t)).toBe(rows);
    expect(storedFiles(t).filter((f) => f.startsWith('.tmp'))).toEqual([]);
    await upload('goto.pdf', PDF_GOTO).expect(201);
    await upload('letter.docx', wordDocument(false)).expect(201);
    await setPolicy('attachment');
  });
});
