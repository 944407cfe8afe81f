import { ValidationError } from '../../common/errors/domain-errors';
import { parseMetadata, tusCreationOf } from './tus-metadata';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const CHAT = '3f0c1a52-5d1e-4c9b-9a43-0d6a3c2b1e77';

describe('tus Upload-Metadata', () => {
  it('decodes base64 values and keys without a value', () => {
    expect(parseMetadata(`filename ${b64('Ünïcode.pdf')},flag`)).toEqual({
      filename: 'Ünïcode.pdf',
      flag: null,
    });
    expect(parseMetadata('')).toEqual({});
  });

  it.each(['file n@me', 'a b c', 'x !!!', `a ${b64('1')},a ${b64('2')}`, ' , '])(
    'refuses %p as malformed',
    (h) => {
      expect(() => parseMetadata(h)).toThrow(ValidationError);
    },
  );

  it('needs a length, a chat UUID and a file name', () => {
    const meta = `chatId ${b64(CHAT)},filename ${b64('a.pdf')},messageText ${b64('hi')}`;
    expect(tusCreationOf({ 'upload-length': '10', 'upload-metadata': meta })).toEqual({
      chatId: CHAT,
      filename: 'a.pdf',
      messageText: 'hi',
      fileRequestId: undefined,
      length: 10,
    });
    expect(() => tusCreationOf({ 'upload-defer-length': '1', 'upload-metadata': meta })).toThrow(
      /Upload-Length/,
    );
    expect(() => tusCreationOf({ 'upload-length': '-1', 'upload-metadata': meta })).toThrow(/Upload-Length/);
    expect(() => tusCreationOf({ 'upload-length': '1', 'upload-metadata': `chatId ${b64('x')}` })).toThrow(
      /chatId/,
    );
    expect(() => tusCreationOf({ 'upload-length': '1', 'upload-metadata': `chatId ${b64(CHAT)}` })).toThrow(
      /filename/,
    );
  });
});
